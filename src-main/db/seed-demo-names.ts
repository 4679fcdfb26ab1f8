/**
 * The names the demo directory is built from: English and French (Quebec and France), with the
 * accents, apostrophes and hyphens a real address book has, so search is shown working on them.
 */

/** Names never contain spaces here ("Jean-François", "Saint-Pierre"), so a space separates them. */
function words(text: string): string[] {
  return text.split(/\s+/).filter((word) => word !== '');
}
export const englishGivenNames: readonly string[] = words(`
  Olivia Liam Emma Noah Ava Ethan Sophia Mason Isabella Lucas Mia Logan Charlotte James
  Amelia Benjamin Harper Jacob Evelyn William Abigail Daniel Emily Henry Ella Owen Grace
  Samuel Chloe Jack Lily Ryan Hannah Nathan Zoe Caleb Nora Dylan Priya Wei
`);

export const englishFamilyNames: readonly string[] = words(`
  Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore
  Martin Jackson Thompson White Harris Clark Lewis Robinson Walker Young Allen King Wright
  Scott Hill Green Adams Baker Nelson Carter Mitchell Campbell O'Brien MacDonald Patel
  Chen Nguyen Singh
`);

export const frenchGivenNames: readonly string[] = words(`
  Hélène Éric Cécile Jérôme Anaïs Loïc Gaëlle Noémie Mathéo Léa Chloé Zoé Benoît Françoise
  Thérèse Agnès André Céline Frédéric Stéphane Joël Raphaël Maëlle Inès Océane Clément
  Aurélie Sébastien Valérie Mélanie Jean-François Marie-Ève Louis Camille Julien Manon
  Hugo Émilie Gabriel Sarah
`);

export const frenchFamilyNames: readonly string[] = words(`
  Lefèvre Côté Gagné Bélanger Lévesque Bérubé Pelletier Gauthier Ouellet Boucher Fortin
  Roy Tremblay Gagnon Morin Lavoie Girard Dubé Bouchard Légaré Rivière Ménard Hébert
  Thériault Desrosiers Leclerc Moreau Dupont Durand Lefebvre Mercier Faure Rousseau Blanc
  Guérin D'Amours Chevalier Saint-Pierre Noël Brûlé
`);

/** Twelve departments, named in the language the team works in. */
export const demoDepartmentNames = [
  'Finance',
  'Ressources humaines',
  'Legal',
  'Recherche et développement',
  'Marketing',
  'Informatique',
  'Facilities',
  'Communications',
  'Sales',
  'Logistique',
  'Direction générale',
  'Customer Support',
] as const;

export const demoBuildings = ['A', 'B', 'C'] as const;
