import type { DossierOptions as Options } from '#shared/manifest.ts';

const sealPositions: { value: Options['sealPosition']; label: string }[] = [
  { value: 'bottom-right', label: '右下角' },
  { value: 'bottom-left', label: '左下角' },
  { value: 'top-right', label: '右上角' },
  { value: 'top-left', label: '左上角' },
  { value: 'middle-right', label: '右侧中部' },
];

/** How the dossier is laid out: duplex, seal marks, number style, landscape pages, where the 公章 mark goes. */
export function DossierOptions({
  options,
  onChange,
  disabled,
}: {
  options: Options;
  onChange: (o: Partial<Options>) => void;
  disabled: boolean;
}) {
  return (
    <fieldset className="card options" disabled={disabled}>
      <legend>生成选项</legend>
      <label className="check">
        <input type="checkbox" checked={options.duplex} onChange={(e) => onChange({ duplex: e.target.checked })} />
        双面打印（指南要求“正反面打印”；每项材料从正面开始，需要时自动加空白背面）
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={options.sealMarkers}
          onChange={(e) => onChange({ sealMarkers: e.target.checked })}
        />
        在页面上标出盖章位置（公章处、骑缝章处的浅灰虚线圈）
      </label>
      <div className="form-grid">
        <label className="field">
          <span>页码样式</span>
          <select
            value={options.numberStyle}
            onChange={(e) => onChange({ numberStyle: e.target.value as Options['numberStyle'] })}
          >
            <option value="dash">— 3 —（公文样式）</option>
            <option value="plain">3</option>
          </select>
        </label>
        <label className="field">
          <span>横向页面</span>
          <select
            value={options.landscape}
            onChange={(e) => onChange({ landscape: e.target.value as Options['landscape'] })}
          >
            <option value="fit">缩小后竖放</option>
            <option value="turn">转 90° 铺满</option>
          </select>
        </label>
        <label className="field">
          <span>公章位置</span>
          <select
            value={options.sealPosition}
            onChange={(e) => onChange({ sealPosition: e.target.value as Options['sealPosition'] })}
          >
            {sealPositions.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
      </div>
    </fieldset>
  );
}
