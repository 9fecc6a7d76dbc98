import { Menu, MenuGroup, MenuGroupHeader, MenuItemRadio, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { THEME_CHOICE_LABELS, useThemePreference, type ThemeChoice } from '../lib/theme-preference.ts';
import { ThemeButton } from './theme-button.tsx';

const CHOICES = Object.keys(THEME_CHOICE_LABELS) as ThemeChoice[];

/** The Theme menu, open from the start: it is loaded when the top bar's button is first pressed (theme-menu.tsx). */
export function ThemeMenuLoaded({ className }: { className?: string }) {
  const { choice, setChoice } = useThemePreference();
  return (
    <Menu
      defaultOpen
      checkedValues={{ theme: [choice] }}
      onCheckedValueChange={(_, { checkedItems }) => {
        const next = CHOICES.find((item) => item === checkedItems[0]);
        if (next) setChoice(next);
      }}
    >
      <MenuTrigger disableButtonEnhancement>
        <ThemeButton className={className} />
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
