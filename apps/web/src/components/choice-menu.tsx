import { Suspense, lazy, useState, type ReactElement } from 'react';
import { ChoiceMenuButton } from './choice-menu-button.tsx';

export interface ChoiceMenuProps<Value extends string> {
  /** The menu's name, its button's accessible name and its group's heading ("Theme", "Language"). */
  label: string;
  icon: ReactElement;
  choices: readonly { value: Value; label: string }[];
  value: Value;
  onChange: (value: Value) => void;
  className?: string;
}

// Fluent's Menu is about 12 KB gzip that no first screen needs: it loads when a button is first pressed, so the
// first screen keeps its budget (apps/web/bundle-sizes.ts).
const ChoiceMenuLoaded = lazy(async () => ({ default: (await import('./choice-menu-loaded.tsx')).ChoiceMenuLoaded }));

/** A top bar menu of radio items (Theme, Language): a plain button until first pressed, then Fluent's Menu. */
export function ChoiceMenu<Value extends string>(props: ChoiceMenuProps<Value>) {
  const [isWanted, setWanted] = useState(false);
  const chosenLabel = props.choices.find((choice) => choice.value === props.value)?.label ?? '';
  const button = { className: props.className, label: props.label, icon: props.icon, chosenLabel };
  if (!isWanted) return <ChoiceMenuButton {...button} onClick={() => setWanted(true)} />;
  return (
    <Suspense fallback={<ChoiceMenuButton {...button} disabledFocusable />}>
      <ChoiceMenuLoaded
        {...button}
        choices={props.choices}
        value={props.value}
        onChange={(value) => {
          const next = props.choices.find((choice) => choice.value === value);
          if (next) props.onChange(next.value);
        }}
      />
    </Suspense>
  );
}
