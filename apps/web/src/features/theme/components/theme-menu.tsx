import { Button, Menu, MenuGroup, MenuGroupHeader, MenuItemRadio, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { DarkThemeRegular } from '@fluentui/react-icons';
import { THEME_CHOICE_LABELS, useThemePreference, type ThemeChoice } from '../lib/theme-preference.ts';

const CHOICES = Object.keys(THEME_CHOICE_LABELS) as ThemeChoice[];

/** The top bar's theme button: an icon alone, so the bar stays on one line at phone widths. */
export function ThemeMenu({ className }: { className?: string }) {
  const { choice, setChoice } = useThemePreference();
  return (
    <Menu
      checkedValues={{ theme: [choice] }}
      onCheckedValueChange={(_, { checkedItems }) => {
        const next = CHOICES.find((item) => item === checkedItems[0]);
        if (next) setChoice(next);
      }}
    >
      <MenuTrigger disableButtonEnhancement>
        <Button className={className} icon={<DarkThemeRegular />} aria-label="Theme" title={`Theme: ${THEME_CHOICE_LABELS[choice]}`} />
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuGroup>
            <MenuGroupHeader>Theme</MenuGroupHeader>
            {CHOICES.map((item) => (
              <MenuItemRadio key={item} name="theme" value={item}>{THEME_CHOICE_LABELS[item]}</MenuItemRadio>
            ))}
          </MenuGroup>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
