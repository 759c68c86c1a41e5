import type { ApplicationDetail, CheckResultDto, PageMap } from '#shared/contract/index.ts';
import type { Profile } from '#shared/profiles/index.ts';
import type { SealPlanRow } from '#shared/dossier/seal-plan.ts';
import {
  materialStatus,
  pageRange,
  sealRuleText,
  sealsText,
  statusWithReason,
} from '#shared/dossier/material-status.ts';
import { FilingDates } from './FilingDates.tsx';
import { FindingList } from './FindingList.tsx';
import { SealPlanTable } from './SealPlanTable.tsx';

interface Props {
  detail: ApplicationDetail;
  profile: Profile;
  check: CheckResultDto | null;
  pageMap: PageMap | null;
  sealRows: SealPlanRow[];
}

function statusText(detail: ApplicationDetail, id: string): string {
  const state = detail.materialStates[id];
  const count = detail.attachments.filter((a) => a.materialId === id).length;
  return statusWithReason(materialStatus(state, count), state?.reason);
}

function sealNeeds(m: Profile['materials'][number], row: SealPlanRow | undefined, setAside: boolean): string {
  if (setAside) return '—';
  return row ? sealsText(row) : sealRuleText(m.seal);
}

/** The checklist as printed: materials with status, files, pages and seals; findings; the rules; where to go. */
export function ChecklistView({ detail, profile, check, pageMap, sealRows }: Props) {
  const paper = profile.paper;
  const { onlineRoute, window, appointment, phones } = profile.submission;
  const rowOf = (id: string) => sealRows.find((r) => r.id === id);
  return (
    <article className="card printable checklist" aria-labelledby="checklist-heading">
      <h3 id="checklist-heading">申报材料清单 · {detail.applicant.name}</h3>
      <p className="hint">{profile.guideTitle}</p>
      <table className="checklist-table">
        <thead>
          <tr>
            <th scope="col">材料</th>
            <th scope="col">状态</th>
            <th scope="col">文件</th>
            <th scope="col">页码</th>
            <th scope="col">盖章</th>
          </tr>
        </thead>
        <tbody>
          {profile.materials.map((m) => {
            const row = rowOf(m.id);
            const files = detail.attachments
              .filter((a) => a.materialId === m.id)
              .sort((a, b) => a.position - b.position);
            return (
              <tr key={m.id}>
                <th scope="row">{m.title}</th>
                <td>{statusText(detail, m.id)}</td>
                <td>{files.map((f) => f.originalName).join('、') || '—'}</td>
                <td>{row ? pageRange(row.firstNumber, row.lastNumber) : pageMap ? '—' : '生成后显示'}</td>
                <td>{sealNeeds(m, row, Boolean(detail.materialStates[m.id]))}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {sealRows.length > 0 && <SealPlanTable rows={sealRows} duplex={detail.options.duplex} />}
      <h4>仍待处理的问题</h4>
      <FindingList
        findings={(check?.findings ?? []).filter((f) => f.severity !== 'info')}
        empty="没有待处理的问题。"
        label="清单中的问题"
      />
      <h4>打印与装订要求</h4>
      <p>{paper.quote}</p>
      <FilingDates profile={profile} heading="h3" />
      <h4>递交</h4>
      <dl className="submission">
        {onlineRoute && (
          <div>
            <dt>网上申报</dt>
            <dd>{onlineRoute.join(' → ')}</dd>
          </div>
        )}
        <div>
          <dt>受理窗口</dt>
          <dd>{window ?? profile.submission.authority}</dd>
        </div>
        {appointment && (
          <div>
            <dt>预约</dt>
            <dd>
              “{appointment.app}”APP：
              {appointment.steps.map((s) => `【${s}】`).join('—')}。{appointment.note}
            </dd>
          </div>
        )}
        {phones && (
          <div>
            <dt>电话</dt>
            <dd>{phones.map((p) => `${p.purpose} ${p.number}`).join('；')}</dd>
          </div>
        )}
      </dl>
    </article>
  );
}
