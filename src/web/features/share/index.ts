import './share.css';
export { CopyLinkButton } from './copy-link-button';
export { ZoneSwitch, type ZoneSwitchProps } from './zone-switch';
