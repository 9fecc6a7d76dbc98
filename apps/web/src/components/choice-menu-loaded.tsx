import { Menu, MenuGroup, MenuGroupHeader, MenuItemRadio, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { ChoiceMenuButton } from './choice-menu-button.tsx';
import type { ChoiceMenuProps } from './choice-menu.tsx';

type Props = ChoiceMenuProps<string> & { chosenLabel: string };

/** The menu, open from the start: it is loaded when its button is first pressed (choice-menu.tsx). */
export function ChoiceMenuLoaded({ label, icon, choices, value, onChange, className, chosenLabel }: Props) {
  return (
    <Menu
      defaultOpen
      checkedValues={{ [label]: [value] }}
      onCheckedValueChange={(_, { checkedItems }) => {
        if (checkedItems[0] !== undefined) onChange(checkedItems[0]);
      }}
    >
      <MenuTrigger disableButtonEnhancement>
        <ChoiceMenuButton className={className} label={label} icon={icon} chosenLabel={chosenLabel} />
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuGroup>
            <MenuGroupHeader>{label}</MenuGroupHeader>
            {choices.map((choice) => (
              <MenuItemRadio key={choice.value} name={label} value={choice.value}>{choice.label}</MenuItemRadio>
            ))}
          </MenuGroup>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
