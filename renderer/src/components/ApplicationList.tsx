import { useCallback, useEffect, useState } from 'react';
import type { Applicant, Application } from '../../../shared/contract/index.ts';
import { call, errorMessage } from '../api.ts';

const statusLabels: Record<Application['status'], string> = { draft: '准备中', ready: '已备齐', submitted: '已递交' };

export function ApplicationList({ applicant }: { applicant: Applicant }) {
  const [applications, setApplications] = useState<Application[]>([]);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      setApplications(await call('applications:list', { applicantId: applicant.id }));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [applicant.id]);

  useEffect(() => {
    void reload();
  }, [reload]);

  async function create() {
    try {
      await call('applications:create', { applicantId: applicant.id, profileId: 'sz-model-voucher-2025', year: 2025 });
      setError(null);
      await reload();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <section className="card" aria-labelledby="applications-heading">
      <h2 id="applications-heading">申报项目</h2>
      {applications.length === 0 ? (
        <p className="hint">还没有申报项目。</p>
      ) : (
        <ul className="application-list">
          {applications.map((a) => (
            <li key={a.id}>
              <span className="application-title">{a.year} 年模型券（申领）</span>
              <span className="badge">{statusLabels[a.status]}</span>
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={() => void create()}>
        新建 2025 年模型券申报
      </button>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </section>
  );
}
