/** The screens of the kiosk UI, as the navigation names them. */
export type ScreenName = 'compartments' | 'commissioning';
