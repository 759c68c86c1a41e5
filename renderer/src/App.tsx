import { useCallback, useEffect, useState } from 'react';
import type { Applicant } from '#shared/contract/index.ts';
import { call, errorMessage } from './api.ts';
import { ApplicantList } from './components/ApplicantList.tsx';
import { ApplicantPanel } from './screens/ApplicantPanel.tsx';
import { ApplicationScreen } from './screens/ApplicationScreen.tsx';
import { DataPanel } from './screens/DataPanel.tsx';
import { SampleNotice } from './first-run/SampleNotice.tsx';
import { SampleOffer } from './first-run/SampleOffer.tsx';
import { UndoBar, type UndoOffer } from './components/UndoBar.tsx';
import type { StepId } from './steps/steps.ts';

type View = { kind: 'home' } | { kind: 'data' } | { kind: 'application'; id: number; step: StepId };

/** Home (applicants and their applications), one application's steps, or 数据与备份. */
export function App() {
  const [applicants, setApplicants] = useState<Applicant[]>([]);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [view, setView] = useState<View>({ kind: 'home' });
  const [error, setError] = useState<string | null>(null);
  const [companyUndo, setCompanyUndo] = useState<UndoOffer | null>(null);

  const reload = useCallback(async () => {
    try {
      const list = await call('applicants:list', {});
      setApplicants(list);
      // After a restore the chosen applicant may be gone: fall back to the first one.
      setSelectedId((current) => (list.some((a) => a.id === current) ? current : (list[0]?.id ?? null)));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const selected = applicants.find((a) => a.id === selectedId) ?? null;
  const goHome = () => {
    setView({ kind: 'home' });
    void reload();
  };

  return (
    <div className="app">
      <header className="app-header">
        <h1>卷宗</h1>
        <span className="app-subtitle">政府资助项目申报材料整理</span>
        {view.kind !== 'data' && (
          <button type="button" className="secondary header-data" onClick={() => setView({ kind: 'data' })}>
            数据与备份
          </button>
        )}
        {view.kind !== 'home' && (
          <button type="button" className="secondary header-home" onClick={goHome}>
            返回首页
          </button>
        )}
      </header>
      {error && (
        <p role="alert" className="banner error">
          {error}
        </p>
      )}
      {view.kind === 'data' ? (
        <main className="app-main">
          <DataPanel onRestored={reload} />
        </main>
      ) : view.kind === 'application' ? (
        <ApplicationScreen
          applicationId={view.id}
          step={view.step}
          onStep={(step) => setView({ ...view, step })}
          onApplicantChanged={reload}
        />
      ) : (
        <div className="app-body">
          <ApplicantList
            applicants={applicants}
            selectedId={selectedId}
            onSelect={setSelectedId}
            onCreated={async (created) => {
              await reload();
              setSelectedId(created.id);
            }}
          />
          <main className="app-main">
            <UndoBar offer={companyUndo} onClose={() => setCompanyUndo(null)} />
            {selected ? (
              <>
                <SampleNotice key={`sample-${selected.id}`} applicant={selected} onRemoved={reload} />
                <ApplicantPanel
                  key={selected.id}
                  applicant={selected}
                  onOpen={(id) => setView({ kind: 'application', id, step: 'applicant' })}
                  onRenamed={reload}
                  onRemoved={async (offer) => {
                    const removedId = selected.id;
                    await reload();
                    setCompanyUndo({
                      ...offer,
                      undo: async () => {
                        await offer.undo();
                        await reload();
                        setSelectedId(removedId);
                      },
                    });
                  }}
                />
              </>
            ) : (
              <section className="empty">
                <h2>欢迎使用卷宗</h2>
                <p>先在左侧点「新建申报单位」，填写贵单位的名称，再为它新建一个申报项目（选择要申报的方案）。</p>
                <SampleOffer
                  onOpen={(application) => {
                    setSelectedId(application.applicantId);
                    setView({ kind: 'application', id: application.id, step: 'applicant' });
                    void reload();
                  }}
                />
              </section>
            )}
          </main>
        </div>
      )}
    </div>
  );
}
