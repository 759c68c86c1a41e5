import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];
const pad = (n: number) => String(n).padStart(2, '0');

interface Month {
  year: number;
  month: number; // 1–12
}

function monthOf(iso: string | null): Month {
  if (iso) return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)) };
  const today = new Date();
  return { year: today.getFullYear(), month: today.getMonth() + 1 };
}

function step({ year, month }: Month, delta: number): Month {
  const index = year * 12 + (month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** The days of a month laid out Monday first, `null` for the cells before the 1st. */
function cells({ year, month }: Month): (number | null)[] {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay(); // 0 = Sunday
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return [...Array<null>((first + 6) % 7).fill(null), ...Array.from({ length: days }, (_, i) => i + 1)];
}

interface Props {
  label: string;
  value: string | null;
  onPick: (iso: string) => void;
  onClose: () => void;
}

/** A month of days to click, in Chinese whatever the system's locale; Esc closes it. */
export function DateCalendar({ label, value, onPick, onClose }: Props) {
  const [shown, setShown] = useState<Month>(monthOf(value));
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.querySelector<HTMLButtonElement>('button[aria-pressed="true"], .calendar-days button')?.focus();
  }, []);
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
    }
  };
  const heading = `${shown.year}年${shown.month}月`;
  return (
    <div ref={box} className="date-calendar" role="dialog" aria-label={`选择${label}`} onKeyDown={onKey}>
      <div className="calendar-head">
        <button
          type="button"
          className="secondary small"
          onClick={() => setShown(step(shown, -12))}
          aria-label="上一年"
        >
          «
        </button>
        <button type="button" className="secondary small" onClick={() => setShown(step(shown, -1))} aria-label="上个月">
          ‹
        </button>
        <span aria-live="polite">{heading}</span>
        <button type="button" className="secondary small" onClick={() => setShown(step(shown, 1))} aria-label="下个月">
          ›
        </button>
        <button type="button" className="secondary small" onClick={() => setShown(step(shown, 12))} aria-label="下一年">
          »
        </button>
      </div>
      <div className="calendar-days" role="grid" aria-label={heading}>
        {WEEKDAYS.map((d) => (
          <span key={d} className="weekday" aria-hidden="true">
            {d}
          </span>
        ))}
        {cells(shown).map((day, i) => {
          if (day === null) return <span key={`gap-${i}`} />;
          const iso = `${shown.year}-${pad(shown.month)}-${pad(day)}`;
          return (
            <button
              key={iso}
              type="button"
              className="small"
              aria-pressed={iso === value}
              aria-label={`${shown.year}年${shown.month}月${day}日`}
              onClick={() => onPick(iso)}
            >
              {day}
            </button>
          );
        })}
      </div>
      <button type="button" className="secondary small" onClick={onClose}>
        关闭
      </button>
    </div>
  );
}
