import {
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Switch,
  Textarea,
} from '@fluentui/react-components';
import {
  INVALID_AUTHENTICATE_USING_OPTIONS,
  SERVER_TYPE_LABELS,
  type ServerProfileFieldRule,
  type ServerType,
} from '@sync-admin/contract';
import { useTranslation } from 'react-i18next';
import { fieldLabel } from '../../../lib/server-messages.ts';
import { FIELD_HELP, OPTION_TEXTS } from '../lib/field-texts.ts';
import {
  fromLocalDateTimeInput,
  isSecret,
  toLocalDateTimeInput,
  type Secret,
  type Settings,
} from '../lib/form-model.ts';
import { SecretInput } from './secret-input.tsx';

export interface FieldControlState {
  settings: Settings;
  isDefault: boolean;
  secretValues: Partial<Record<Secret, string>>;
  replacing: Partial<Record<Secret, boolean>>;
  /** Undefined on a new profile, which has nothing stored yet. */
  secretsStored: Record<Secret, boolean> | undefined;
}

export interface FieldControlActions {
  setSetting: (field: keyof Settings, value: Settings[keyof Settings]) => void;
  setServerType: (serverType: ServerType) => void;
  setIsDefault: (value: boolean) => void;
  setSecret: (field: Secret, value: string) => void;
  setReplacing: (field: Secret, replacing: boolean) => void;
}

interface Props {
  rule: ServerProfileFieldRule;
  state: FieldControlState;
  actions: FieldControlActions;
  disabled: boolean;
  error: string | undefined;
  /** Shown beside the field when there is no error: a consequence of the value to know before saving. */
  warning?: string;
  /** From the shared rules (isFieldRequired): a field the channel locks is not required. */
  required: boolean;
  /** Why the field is disabled, shown in place of its help. */
  lockedReason?: string;
}

/** One row of the form: the rule gives label, help and requiredness; the field's type picks the control. */
export function ServerProfileFieldRow({ rule, state, actions, disabled, error, warning, required, lockedReason }: Props) {
  const { t } = useTranslation(['server-profile-form', 'fields']);
  const help = FIELD_HELP[rule.field];
  return (
    <Field
      label={fieldLabel(rule.field, rule.label)}
      hint={lockedReason ?? (help && t(help.helpKey))}
      required={required}
      validationState={error ? 'error' : warning ? 'warning' : 'none'}
      validationMessage={error ?? warning}
    >
      <FieldControl rule={rule} state={state} actions={actions} disabled={disabled} />
    </Field>
  );
}

function FieldControl({ rule, state, actions, disabled }: Pick<Props, 'rule' | 'state' | 'actions' | 'disabled'>) {
  const { t } = useTranslation(['server-profile-form', 'fields']);
  const { field } = rule;
  if (field === 'isDefault') {
    return <Switch checked={state.isDefault} disabled={disabled} onChange={(_, d) => actions.setIsDefault(d.checked)} />;
  }
  if (isSecret(field)) {
    return (
      <SecretInput
        label={fieldLabel(rule.field, rule.label)}
        stored={state.secretsStored?.[field]}
        replacing={state.replacing[field] ?? false}
        value={state.secretValues[field] ?? ''}
        disabled={disabled}
        onReplace={(replacing) => actions.setReplacing(field, replacing)}
        onChange={(value) => actions.setSecret(field, value)}
      />
    );
  }
  if (field === 'serverType') {
    return (
      <RadioGroup
        layout="horizontal"
        value={state.settings.serverType}
        disabled={disabled}
        onChange={(_, d) => actions.setServerType(d.value as ServerType)}
      >
        {(Object.keys(SERVER_TYPE_LABELS) as ServerType[]).map((type) => (
          <Radio key={type} value={type} label={SERVER_TYPE_LABELS[type]} />
        ))}
      </RadioGroup>
    );
  }

  const value = state.settings[field];
  const options = OPTION_TEXTS[field];
  if (options) {
    return (
      <Select value={String(value ?? '')} disabled={disabled} onChange={(_, d) => actions.setSetting(field, d.value as never)}>
        {value === null && <option value="">{t('selectOption')}</option>}
        {Object.entries(options).map(([option, text]) => {
          // Listed as the seed lists it, but not selectable (unless a stored profile still holds it).
          const isInvalid = field === 'authenticateUsing' && (INVALID_AUTHENTICATE_USING_OPTIONS as ReadonlySet<string>).has(option);
          return (
            <option key={option} value={option} disabled={isInvalid && option !== value}>
              {isInvalid ? t('notValidSetting', { label: t(text.labelKey) }) : t(text.labelKey)}
            </option>
          );
        })}
      </Select>
    );
  }
  if (field === 'processEmailsReceivedAfter') {
    return (
      <Input
        type="datetime-local"
        value={toLocalDateTimeInput(state.settings.processEmailsReceivedAfter)}
        disabled={disabled}
        onChange={(_, d) => actions.setSetting(field, fromLocalDateTimeInput(d.value))}
      />
    );
  }
  if (field === 'description') {
    return (
      <Textarea
        value={state.settings.description}
        disabled={disabled}
        resize="vertical"
        onChange={(_, d) => actions.setSetting(field, d.value)}
      />
    );
  }
  if (typeof value === 'boolean') {
    return (
      <Switch
        checked={value}
        label={value ? t('common:commands.yes') : t('common:commands.no')}
        disabled={disabled}
        onChange={(_, d) => actions.setSetting(field, d.checked)}
      />
    );
  }
  if (typeof value === 'number') {
    return (
      <Input
        type="number"
        min={rule.integer?.min}
        max={rule.integer?.max}
        step={1}
        // An emptied box is NaN, which the shared validator reports, rather than a silent 0.
        value={Number.isNaN(value) ? '' : String(value)}
        disabled={disabled}
        onChange={(_, d) => actions.setSetting(field, d.value === '' ? Number.NaN : Number(d.value))}
      />
    );
  }
  return (
    <Input
      value={typeof value === 'string' ? value : ''}
      maxLength={rule.maxLength}
      disabled={disabled}
      // Optional text settings are null when empty; only the name is a plain string.
      onChange={(_, d) => actions.setSetting(field, field === 'name' || d.value !== '' ? d.value : null)}
    />
  );
}
