import { makeStyles, tokens } from '@fluentui/react-components';
import type { PrivilegeDepth } from '@sync-admin/contract';

const useStyles = makeStyles({
  icon: { flexShrink: 0, verticalAlign: 'middle' },
  ring: { fill: 'none', stroke: tokens.colorPaletteGreenBorder2, strokeWidth: 1.5 },
  fill: { fill: tokens.colorPaletteGreenBackground3 },
});

/** The pie Dynamics 365 draws for a level: empty for None, a quarter for User, half for Business Unit, full for Organization. */
const SLICES: Record<PrivilegeDepth, string | null> = {
  user: 'M8 8 L8 1 A7 7 0 0 1 15 8 Z',
  businessUnit: 'M8 8 L8 1 A7 7 0 0 1 8 15 Z',
  organization: null,
};

export function PrivilegeDepthIcon({ depth }: { depth: PrivilegeDepth | null }) {
  const styles = useStyles();
  const slice = depth ? SLICES[depth] : null;
  return (
    <svg className={styles.icon} width="16" height="16" viewBox="0 0 16 16" aria-hidden focusable="false">
      {depth === 'organization' && <circle className={styles.fill} cx="8" cy="8" r="7" />}
      {slice && <path className={styles.fill} d={slice} />}
      <circle className={styles.ring} cx="8" cy="8" r="7" />
    </svg>
  );
}
