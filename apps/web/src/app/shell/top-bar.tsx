import { Button, Hamburger, Text, makeStyles, tokens } from '@fluentui/react-components';
import { SignOutRegular } from '@fluentui/react-icons';
import { useNavigate } from 'react-router';
import { paths } from '../../config/paths.ts';
import { useCurrentSession } from '../../features/auth/api/get-session.ts';
import { useSignOut } from '../../features/auth/api/sign-out.ts';
import { EnvironmentPicker } from '../../features/environments/components/environment-picker.tsx';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    flexWrap: 'wrap',
  },
  title: { color: 'inherit', marginInlineEnd: 'auto' },
  menu: { color: 'inherit' },
  user: { display: 'flex', flexDirection: 'column', alignItems: 'flex-end' },
  email: { color: 'inherit', opacity: 0.85 },
});

interface Props {
  /** The menu button of narrow screens, which opens the navigation over the page; null on wide ones. */
  navToggle: { isOpen: boolean; onToggle: () => void } | null;
}

export function TopBar({ navToggle }: Props) {
  const styles = useStyles();
  const navigate = useNavigate();
  const session = useCurrentSession();
  const signOut = useSignOut();

  return (
    <header className={styles.bar}>
      {navToggle && (
        <Hamburger
          className={styles.menu}
          aria-label="Navigation"
          aria-expanded={navToggle.isOpen}
          onClick={navToggle.onToggle}
        />
      )}
      <Text as="span" weight="semibold" size={400} className={styles.title}>
        Power Platform admin center · Sync Admin
      </Text>
      <EnvironmentPicker />
      <div className={styles.user}>
        <Text weight="semibold">{session.user.fullName}</Text>
        <Text size={200} className={styles.email}>{session.user.email}</Text>
      </div>
      <Button
        icon={<SignOutRegular />}
        disabled={signOut.isPending}
        onClick={() => signOut.mutate(undefined, { onSettled: () => void navigate(paths.signIn.getHref(), { replace: true }) })}
      >
        Sign out
      </Button>
    </header>
  );
}
