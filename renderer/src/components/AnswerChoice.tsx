import { useEffect, useState } from 'react';
import type { Answer } from '#shared/rules/index.ts';

const choices: { value: Answer; label: string }[] = [
  { value: 'yes', label: '是' },
  { value: 'no', label: '否' },
  { value: 'unsure', label: '不确定' },
];

/** A yes / no / not-sure question as three radio buttons in a labelled group. */
export function AnswerChoice({
  name,
  label,
  value,
  onChange,
}: {
  name: string;
  label: string;
  value: Answer | undefined;
  onChange: (a: Answer) => void;
}) {
  // Shown at once; the saved answer arrives a moment later and wins.
  const [shown, setShown] = useState(value);
  useEffect(() => setShown(value), [value]);
  return (
    <div role="radiogroup" aria-label={label} className="answer-choice">
      {choices.map((c) => (
        <label key={c.value} className={`choice ${shown === c.value ? 'chosen' : ''}`}>
          <input
            type="radio"
            name={name}
            value={c.value}
            checked={shown === c.value}
            onChange={() => {
              setShown(c.value);
              onChange(c.value);
            }}
          />
          {c.label}
        </label>
      ))}
    </div>
  );
}
