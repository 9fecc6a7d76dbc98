import { Button, Hamburger, Text, makeStyles, tokens } from '@fluentui/react-components';
import { SignOutRegular } from '@fluentui/react-icons';
import { useNavigate } from 'react-router';
import { paths } from '../../config/paths.ts';
import { useCurrentSession } from '../../features/auth/api/get-session.ts';
import { useSignOut } from '../../features/auth/api/sign-out.ts';
import { EnvironmentPicker } from '../../features/environments/components/environment-picker.tsx';
import { LanguageMenu } from '../../features/language/components/language-menu.tsx';
import { ThemeMenu } from '../../features/theme/components/theme-menu.tsx';
import { useMediaQuery } from '../../lib/use-media-query.ts';
import { PHONE_SCREEN } from '../../lib/screens.ts';
import { useTranslation } from 'react-i18next';

const ellipsis = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    // One line at every width: the title and the user's address give way (ellipsis) before anything wraps.
    flexWrap: 'nowrap',
    [`@media ${PHONE_SCREEN}`]: { gap: tokens.spacingHorizontalS, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}` },
  },
  title: { color: 'inherit', marginInlineEnd: 'auto', minWidth: 0, ...ellipsis },
  menu: { color: 'inherit', flexShrink: 0 },
  user: {
    display: 'flex', flexDirection: 'column', alignItems: 'flex-end', minWidth: 0, maxWidth: '240px',
    [`@media ${PHONE_SCREEN}`]: { display: 'none' },
  },
  // Full white on the brand colour: at 85 % opacity the address fell to 4.35:1, below WCAG AA's 4.5:1.
  name: { color: 'inherit', maxWidth: '100%', ...ellipsis },
  email: { color: 'inherit', maxWidth: '100%', ...ellipsis },
  signOut: { flexShrink: 0 },
  preference: { flexShrink: 0 },
});

interface Props {
  /** The menu button of narrow screens, which opens the navigation over the page; null on wide ones. */
  navToggle: { isOpen: boolean; onToggle: () => void } | null;
}

export function TopBar({ navToggle }: Props) {
  const styles = useStyles();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useCurrentSession();
  const signOut = useSignOut();
  const isPhone = useMediaQuery(PHONE_SCREEN);

  return (
    <header className={styles.bar}>
      {navToggle && (
        <Hamburger
          className={styles.menu}
          aria-label={t('shell.navigation')}
          aria-expanded={navToggle.isOpen}
          onClick={navToggle.onToggle}
        />
      )}
      <Text as="span" weight="semibold" size={400} className={styles.title}>
        {isPhone ? t('shell.titleShort') : t('shell.title')}
      </Text>
      <EnvironmentPicker />
      <div className={styles.user}>
        <Text weight="semibold" className={styles.name}>{session.user.fullName}</Text>
        <Text size={200} className={styles.email} title={session.user.email}>{session.user.email}</Text>
      </div>
      <LanguageMenu className={styles.preference} />
      <ThemeMenu className={styles.preference} />
      <Button
        className={styles.signOut}
        icon={<SignOutRegular />}
        aria-label={isPhone ? t('shell.signOut') : undefined}
        title={isPhone ? t('shell.signOutUser', { email: session.user.email }) : undefined}
        disabled={signOut.isPending}
        onClick={() => signOut.mutate(undefined, { onSettled: () => void navigate(paths.signIn.getHref(), { replace: true }) })}
      >
        {isPhone ? null : t('shell.signOut')}
      </Button>
    </header>
  );
}
