/** Word lists for the demo portfolio: believable French names, places and companies. */

export type City = {
  readonly name: string;
  readonly postalCode: string;
  /** The national prefix of a landline there: '01'…'05', or an overseas '0590', '0262'… */
  readonly landline: string;
  /** The mobile prefixes used there (the overseas departments have their own). */
  readonly mobile: readonly string[];
  readonly timeZone: string;
};

type CityRow = readonly [name: string, postalCode: string, landline: string, weight: number];

/** Real postal-code / city pairs, weighted; the landline prefix is the region's ('01' Île-de-France…). */
// biome-ignore format: a table reads better one city per line
const metropolitanCities: readonly CityRow[] = [
  ['Paris', '75011', '01', 9], ['Paris', '75015', '01', 7], ['Paris', '75018', '01', 5],
  ['Boulogne-Billancourt', '92100', '01', 3], ['Montreuil', '93100', '01', 3], ['Versailles', '78000', '01', 2],
  ['Créteil', '94000', '01', 2], ['Nantes', '44000', '02', 4], ['Rennes', '35000', '02', 3],
  ['Brest', '29200', '02', 2], ['Rouen', '76000', '02', 2], ['Caen', '14000', '02', 2], ['Tours', '37000', '02', 2],
  ['Angers', '49000', '02', 2], ['Lille', '59000', '03', 4], ['Strasbourg', '67000', '03', 3],
  ['Reims', '51100', '03', 2], ['Metz', '57000', '03', 2], ['Dijon', '21000', '03', 2], ['Lyon', '69003', '04', 6],
  ['Marseille', '13008', '04', 5], ['Nice', '06000', '04', 3], ['Grenoble', '38000', '04', 2],
  ['Montpellier', '34000', '04', 3], ['Saint-Étienne', '42000', '04', 2], ['Clermont-Ferrand', '63000', '04', 2],
  ['Ajaccio', '20000', '04', 1], ['Bordeaux', '33000', '05', 4], ['Toulouse', '31000', '05', 4],
  ['Limoges', '87000', '05', 1], ['Poitiers', '86000', '05', 1], ['Bayonne', '64100', '05', 1],
];

/** Overseas departments: their own landline and mobile prefixes and time zones. */
const overseasCities: readonly City[] = [
  {
    name: 'Pointe-à-Pitre',
    postalCode: '97110',
    landline: '0590',
    mobile: ['0690', '0691'],
    timeZone: 'America/Guadeloupe',
  },
  {
    name: 'Fort-de-France',
    postalCode: '97200',
    landline: '0596',
    mobile: ['0696', '0697'],
    timeZone: 'America/Martinique',
  },
  { name: 'Cayenne', postalCode: '97300', landline: '0594', mobile: ['0694'], timeZone: 'America/Cayenne' },
  {
    name: 'Saint-Denis',
    postalCode: '97400',
    landline: '0262',
    mobile: ['0692', '0693'],
    timeZone: 'Indian/Reunion',
  },
];

/** Every city repeated by its weight, so that a uniform pick is a weighted pick; ~4 % overseas. */
export const cities: readonly City[] = [
  ...metropolitanCities.flatMap(([name, postalCode, landline, weight]) =>
    Array.from({ length: weight }, () => ({
      name,
      postalCode,
      landline,
      mobile: ['06', '07'],
      timeZone: 'Europe/Paris',
    })),
  ),
  ...overseasCities,
];

// biome-ignore format: a word list reads better packed
export const streets: readonly string[] = [
  'rue de la République', 'avenue Jean Jaurès', 'boulevard Victor Hugo', 'rue Pasteur', 'place de la Mairie',
  'rue des Lilas', 'allée des Tilleuls', 'chemin des Vignes', 'rue du Général Leclerc', 'avenue de la Gare',
  'rue Nationale', 'impasse des Acacias', 'rue Gambetta', 'quai de la Loire', 'rue Émile Zola', 'avenue Foch',
  'rue des Écoles', 'route de Paris', 'rue du Moulin', 'rue Saint-Martin', 'boulevard de la Liberté',
  'rue de l’Église', 'avenue du Maréchal Foch', 'rue Jean Moulin', 'rue des Peupliers', 'zone artisanale des Prés',
];

// biome-ignore format: a word list reads better packed
export const firstNames: readonly string[] = [
  'Marie', 'Jean', 'Pierre', 'Nathalie', 'Isabelle', 'Philippe', 'Sophie', 'Michel', 'Catherine', 'Nicolas',
  'Julien', 'Camille', 'Léa', 'Thomas', 'Manon', 'Hugo', 'Chloé', 'Lucas', 'Sandrine', 'Stéphane',
  'Christophe', 'Valérie', 'Émilie', 'Laurent', 'Céline', 'François', 'Aurélie', 'Sébastien', 'Inès',
  'Mohamed', 'Karim', 'Fatima', 'Yasmine', 'Nadia', 'Rachid', 'Amandine', 'Gaëlle', 'Loïc', 'Yannick',
  'Maëlle', 'Jérôme', 'Hélène', 'Bernard', 'Monique', 'Josiane', 'Thierry', 'Patrick', 'Sylvie', 'Éric',
  'Océane', 'Anne-Sophie', 'Jean-Marc', 'Noémie', 'Mathis', 'Zoé',
];

// biome-ignore format: a word list reads better packed
export const lastNames: readonly string[] = [
  'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon',
  'Laurent', 'Lefebvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel',
  'Girard', 'André', 'Lefèvre', 'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'François', 'Martinez', 'Legrand',
  'Garnier', 'Faure', 'Rousseau', 'Blanc', 'Guérin', 'Muller', 'Henry', 'Roussel', 'Perrin', 'Morin',
  'Mathieu', 'Clément', 'Gauthier', 'Dumont', 'Lopez', 'Fontaine', 'Chevalier', 'Robin', 'Le Gall', 'Le Goff',
  'Kerbrat', 'Benali', 'Nguyen', 'Haddad', 'Da Silva', 'Ferreira', 'Boyer', 'Barbier', 'Lemaire', 'Marchand',
];

// biome-ignore format: a word list reads better packed
export const englishFirstNames: readonly string[] = [
  'James', 'Emily', 'Oliver', 'Charlotte', 'William', 'Amelia', 'Harry', 'Olivia', 'George', 'Grace', 'Jack',
];

// biome-ignore format: a word list reads better packed
export const englishLastNames: readonly string[] = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Evans', 'Thompson', 'Walker', 'Wright', 'Hughes',
];

/** Company name patterns; `{last}` is a family name, `{coined}` an invented brand. */
// biome-ignore format: a word list reads better packed
export const companyPatterns: readonly string[] = [
  'Menuiserie {last}', 'Plomberie {last}', 'Électricité {last} & Fils', 'Maçonnerie {last}',
  'Couverture {last}', 'Peinture {last} Décoration', 'Charpentes {last}', 'Boulangerie {last}',
  'Boucherie {last}', 'Garage {last}', 'Transports {last}', 'Cabinet {last}', '{last} Conseil',
  '{last} Immobilier', 'Agence {last}', '{coined} Informatique', '{coined} Logistique', '{coined}',
  'Restaurant Le {noun}', 'Hôtel du {noun}', 'Pharmacie du {noun}', 'Fromagerie {last}', 'Imprimerie {last}',
  '{last} et {last2}', 'Ambulances {last}', 'Paysages {last}', 'Auto-école {last}',
];

// biome-ignore format: a word list reads better packed
export const englishCompanyPatterns: readonly string[] = [
  '{last} Wine Imports', '{last} Digital', 'Brightwater Consulting', '{last} & Partners', 'Riverside Studio',
];

// biome-ignore format: a word list reads better packed
export const coinedPrefixes: readonly string[] = [
  'Bati', 'Agri', 'Éco', 'Tech', 'Azur', 'Alpi', 'Atlan', 'Proxi', 'Médi', 'Info', 'Domo', 'Hexa', 'Opti',
  'Ouest', 'Nord', 'Sud', 'Terra', 'Clim',
];

// biome-ignore format: a word list reads better packed
export const coinedSuffixes: readonly string[] = [
  'services', 'concept', 'solutions', 'pro', 'tec', 'vision', 'nova', 'line', 'confort', 'habitat',
];

// biome-ignore format: a word list reads better packed
export const placeNouns: readonly string[] = [
  'Centre', 'Marché', 'Port', 'Parc', 'Lion d’Or', 'Commerce', 'Midi', 'Château', 'Moulin', 'Cours',
];

// biome-ignore format: a word list reads better packed
export const sciNames: readonly string[] = [
  'SCI Les Tilleuls', 'SCI du Parc', 'SCI Les Mimosas', 'SCI La Roseraie', 'SCI Horizon', 'SCI Les Érables',
  'SCI Le Clos Fleuri', 'SCI Saint-Jacques', 'SCI Bellevue', 'SCI Les Hauts de Seine',
];

export type LegalForm = 'SAS' | 'SASU' | 'SARL' | 'EURL' | 'SA' | 'SNC' | 'SCI' | 'EI';

/** Weighted as in the French company register, roughly: SAS and SARL first. */
export const legalForms: readonly (readonly [LegalForm, number])[] = [
  ['SAS', 33],
  ['SARL', 28],
  ['SASU', 11],
  ['EURL', 8],
  ['SA', 5],
  ['SCI', 7],
  ['SNC', 2],
  ['EI', 6],
];

// biome-ignore format: a word list reads better packed
export const consumerMailDomains: readonly string[] = [
  'gmail.com', 'orange.fr', 'free.fr', 'laposte.net', 'outlook.fr', 'sfr.fr', 'hotmail.fr', 'wanadoo.fr',
  'yahoo.fr', 'icloud.com',
];

// biome-ignore format: a word list reads better packed
export const businessMailboxes: readonly string[] = [
  'compta', 'comptabilite', 'contact', 'facturation', 'direction', 'administratif',
];

export const disputeReasons: readonly string[] = [
  'Prestation contestée : travaux non conformes',
  'Marchandise livrée endommagée',
  'Facture déjà réglée selon le client',
  'Quantités facturées supérieures à la commande',
  'Résiliation demandée avant la période facturée',
  'Tarif appliqué différent du devis',
];
