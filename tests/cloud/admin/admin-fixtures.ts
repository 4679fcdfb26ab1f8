/** A valid `contact` entity value (src-shared/domain/contact.ts). */
export function contactValue(name: string) {
  return {
    name,
    email: `${name.toLowerCase()}@example.org`,
    phone: null,
    language: 'fr',
    personnelId: null,
    departmentId: null,
    accessibilityNeed: false,
    customFields: {},
    active: true,
  };
}
