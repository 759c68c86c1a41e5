import { pageRange } from '#shared/dossier/material-status.ts';
import type { SealPlanRow } from '#shared/dossier/seal-plan.ts';

function crossText(row: SealPlanRow): string {
  if (row.crossPageSheets.length === 0) return row.pageCount > 1 ? '不需要' : '不需要（单页）';
  const first = row.crossPageSheets[0]!;
  const last = row.crossPageSheets[row.crossPageSheets.length - 1]!;
  const place = row.crossPagePlace ? `，${row.crossPagePlace}` : '';
  return first === last
    ? `第 ${first} 张（在这一张的页边盖骑缝章${place}）`
    : `第 ${pageRange(first, last)} 张（${row.crossPageSheets.length} 张叠齐，在右侧页边盖一枚骑缝章${place}）`;
}

function officialText(row: SealPlanRow, duplex: boolean): string {
  if (!row.officialSeal) return '不需要';
  const side = duplex ? (row.officialSeal.side === 'front' ? '正面' : '背面') : '';
  const place = row.officialSealPlace ? ` ${row.officialSealPlace}` : '';
  return `第 ${row.officialSeal.sheet} 张${side}（第 ${row.firstNumber} 页${place}）`;
}

/** The seal plan (用印单): for each part, its pages and sheets, where the 公章 goes and what the 骑缝章 spans. */
export function SealPlanTable({ rows, duplex }: { rows: SealPlanRow[]; duplex: boolean }) {
  return (
    <table className="seal-plan">
      <caption>
        用印单（{duplex ? '双面打印，每张纸两页' : '单面打印，每张纸一页'}；“张”指从封面起数的第几张纸）
      </caption>
      <thead>
        <tr>
          <th scope="col">序号</th>
          <th scope="col">内容</th>
          <th scope="col">页码</th>
          <th scope="col">占用纸张</th>
          <th scope="col">公章</th>
          <th scope="col">骑缝章</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={r.id} data-section={r.id}>
            <td>{i + 1}</td>
            <th scope="row">{r.title}</th>
            <td>
              {pageRange(r.firstNumber, r.lastNumber)}（{r.pageCount} 页）
            </td>
            <td>
              第 {pageRange(r.firstSheet, r.lastSheet)} 张（{r.sheetCount} 张）
            </td>
            <td>{officialText(r, duplex)}</td>
            <td>{crossText(r)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
