import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { Applicant, ApplicationOverview } from '#shared/contract/index.ts';
import type { ProfileSummary } from '#shared/contract/profiles.ts';
import { call, errorMessage } from '../api.ts';
import { filingWindows } from '../filing-dates.ts';
import { useProfile } from '../hooks/use-profiles.ts';
import { ApplicationActions } from './ApplicationActions.tsx';
import { UndoBar, type UndoOffer } from './UndoBar.tsx';

const statusLabels: Record<ApplicationOverview['application']['status'], string> = {
  draft: '准备中',
  ready: '已备齐',
  submitted: '已递交',
};

interface Props {
  applicant: Applicant;
  /** The programme a new application follows (chosen by the picker given as children). */
  profile: ProfileSummary | undefined;
  onOpen: (applicationId: number) => void;
  children?: ReactNode;
}

/** The applicant's applications, each with its progress, open findings and filing dates. */
export function ApplicationList({ applicant, profile, onOpen, children }: Props) {
  const [overviews, setOverviews] = useState<ApplicationOverview[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [undo, setUndo] = useState<UndoOffer | null>(null);

  const reload = useCallback(async () => {
    try {
      const all = await call('applications:overview', {});
      setOverviews(all.filter((o) => o.application.applicantId === applicant.id));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [applicant.id]);

  useEffect(() => {
    void reload();
  }, [reload]);

  async function create() {
    if (!profile) return;
    try {
      const created = await call('applications:create', {
        applicantId: applicant.id,
        profileId: profile.id,
        year: profile.year,
      });
      setError(null);
      onOpen(created.id);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <section className="card" aria-labelledby="applications-heading">
      <h2 id="applications-heading">申报项目</h2>
      {overviews.length === 0 ? (
        <p className="hint">还没有申报项目。点下面的按钮新建一个，卷宗会一步步带您准备材料。</p>
      ) : (
        <ul className="application-list">
          {overviews.map((o) => (
            <ApplicationRow
              key={o.application.id}
              overview={o}
              onOpen={onOpen}
              companyName={applicant.name}
              onChanged={reload}
              onRemoved={setUndo}
            />
          ))}
        </ul>
      )}
      <UndoBar offer={undo} onClose={() => setUndo(null)} />
      {children}
      <button type="button" disabled={!profile} onClick={() => void create()}>
        新建「{profile?.title ?? '…'}」申报
      </button>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </section>
  );
}

interface RowProps {
  overview: ApplicationOverview;
  onOpen: (id: number) => void;
  companyName: string;
  onChanged: () => Promise<void>;
  onRemoved: (offer: UndoOffer) => void;
}

function ApplicationRow({ overview: o, onOpen, companyName, onChanged, onRemoved }: RowProps) {
  const { profile } = useProfile(o.application.profileId);
  const title = profile?.title ?? `${o.application.year} 年申报项目`;
  const percent = o.materialsNeeded ? Math.round((o.materialsDone / o.materialsNeeded) * 100) : 0;
  return (
    <li className="application-row">
      <div className="application-main">
        <span className="application-title">{title}</span>
        <span className="badge">{statusLabels[o.application.status]}</span>
        <span className="progress-line">
          <progress max={o.materialsNeeded || 1} value={o.materialsDone} aria-label={`${title}材料进度`} />
          材料 {o.materialsDone}/{o.materialsNeeded}（{percent}%）
        </span>
        <span className={o.errors ? 'count error-count' : 'count ok-count'}>
          {o.errors ? `${o.errors} 个问题待处理` : '没有待处理的问题'}
          {o.warnings ? `，${o.warnings} 个提醒` : ''}
        </span>
        {profile && (
          <span className="dates-line">
            {filingWindows(profile).map((w) => (
              <span key={w.key} className={`date-chip ${w.status}`}>
                {w.label}：{w.state}
              </span>
            ))}
          </span>
        )}
        <ApplicationActions
          overview={o}
          title={`${title}（编号 ${o.application.id}）`}
          companyName={companyName}
          onChanged={onChanged}
          onRemoved={onRemoved}
        />
      </div>
      <button type="button" onClick={() => onOpen(o.application.id)} aria-label={`打开 ${title}`}>
        打开
      </button>
    </li>
  );
}
