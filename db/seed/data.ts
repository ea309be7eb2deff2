/** Demo data for a bilingual Québec dealership: names, vehicles and message threads. */

export const FIRST_NAMES_FR = [
  "Mathieu", "Julie", "Sébastien", "Isabelle", "François", "Nathalie", "Étienne", "Geneviève",
  "Louis", "Mélanie", "Olivier", "Valérie", "Gabriel", "Catherine", "Simon", "Émilie",
  "Maxime", "Josée", "Philippe", "Annie", "Benoît", "Karine", "Alexandre", "Chantal",
  "Vincent", "Stéphanie", "Jérôme", "Marie-Ève", "Guillaume", "Sylvie", "Frédéric", "Manon",
  "Patrice", "Hélène", "Yannick", "Andrée-Anne", "Luc", "Brigitte", "Éric", "Noémie",
];

export const FIRST_NAMES_EN = [
  "Michael", "Jennifer", "David", "Sarah", "Ryan", "Emily", "Kevin", "Jessica", "Daniel",
  "Laura", "Chris", "Megan", "Andrew", "Rachel", "Jason", "Nicole",
];

export const LAST_NAMES = [
  "Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie", "Fortin",
  "Gagné", "Ouellet", "Pelletier", "Bélanger", "Lévesque", "Bergeron", "Leblanc", "Paquette",
  "Girard", "Simard", "Boucher", "Caron", "Beaulieu", "Cloutier", "Dubé", "Poirier",
  "Fournier", "Lapointe", "Leclerc", "Lefebvre", "Poulin", "Thibault", "St-Pierre", "Nadeau",
  "Martin", "Landry", "Martel", "Bédard", "Grenier", "Lessard", "Bernier", "Richard",
  "Michaud", "Hébert", "Desjardins", "Couture", "Turcotte", "Lachance", "Parent", "Smith",
  "Johnson", "Brown", "Wilson", "MacDonald", "Campbell",
];

export const AREA_CODES = ["514", "438", "450", "418", "819", "581"];

export const VEHICLES: [make: string, model: string][] = [
  ["Toyota", "RAV4"], ["Toyota", "Corolla"], ["Honda", "Civic"], ["Honda", "CR-V"],
  ["Hyundai", "Tucson"], ["Hyundai", "Elantra"], ["Mazda", "CX-5"], ["Mazda", "3"],
  ["Ford", "F-150"], ["Ford", "Escape"], ["Subaru", "Outback"], ["Kia", "Sorento"],
  ["Chevrolet", "Equinox"], ["Volkswagen", "Tiguan"], ["Nissan", "Rogue"], ["Ram", "1500"],
];

export const APPOINTMENT_TYPES = {
  fr: ["Changement d'huile", "Pose de pneus d'hiver", "Inspection", "Freins", "Diagnostic", "Entretien 40 000 km"],
  en: ["Oil change", "Winter tire installation", "Inspection", "Brakes", "Diagnostic", "40,000 km service"],
};

export type ThreadLine = {
  from: "customer" | "agent" | "automation";
  text: string;
  /** Minutes after the thread starts. */
  at: number;
  failed?: boolean;
};

export const THREADS_FR: ThreadLine[][] = [
  [
    { from: "automation", text: "Bonjour {first}, rappel de votre rendez-vous demain à 9 h 00 chez Beaulieu Automobiles. Répondez OUI pour confirmer ou NON pour annuler.", at: 0 },
    { from: "customer", text: "Oui, je serai là. Merci!", at: 14 },
    { from: "agent", text: "Parfait, on vous attend demain matin. Bonne journée!", at: 20 },
  ],
  [
    { from: "customer", text: "Bonjour, est-ce que mon auto est prête? J'ai laissé la {vehicle} ce matin.", at: 0 },
    { from: "agent", text: "Bonjour {first}! Le technicien termine l'inspection. Je vous écris dès que c'est prêt.", at: 6 },
    { from: "agent", text: "Votre {vehicle} est prête. Vous pouvez passer la chercher jusqu'à 18 h.", at: 95 },
    { from: "customer", text: "Super, j'arrive vers 17 h.", at: 101 },
  ],
  [
    { from: "agent", text: "Bonjour {first}, nous avons remarqué que les plaquettes de frein avant sont à 3 mm. Le remplacement est de 389,95 $ taxes en sus. Voulez-vous qu'on procède?", at: 0 },
    { from: "customer", text: "Hmm c'est cher. Est-ce que ça peut attendre au printemps?", at: 32 },
  ],
  [
    { from: "customer", text: "Allô, je voudrais prendre rendez-vous pour mes pneus d'hiver.", at: 0 },
    { from: "agent", text: "Bien sûr! Nous avons de la place jeudi à 10 h 30 ou vendredi à 14 h. Qu'est-ce qui vous convient?", at: 11 },
    { from: "customer", text: "Jeudi 10 h 30 c'est parfait", at: 25 },
    { from: "agent", text: "C'est noté pour jeudi 10 h 30. À jeudi!", at: 27 },
  ],
  [
    { from: "automation", text: "Merci d'avoir choisi Beaulieu Automobiles, {first}! Comment s'est passée votre visite? Laissez-nous un avis : https://parley.test/r/demo", at: 0 },
    { from: "customer", text: "Très bon service comme d'habitude, merci à toute l'équipe 👍", at: 48 },
  ],
  [
    { from: "customer", text: "Bonjour, j'ai un voyant moteur allumé depuis hier. Est-ce grave?", at: 0 },
  ],
  [
    { from: "agent", text: "Bonjour {first}, votre facture de 512,40 $ est prête. Vous pouvez la régler en ligne avant de passer.", at: 0, failed: true },
  ],
  [
    { from: "customer", text: "Est-ce que vous avez une voiture de courtoisie disponible mardi?", at: 0 },
    { from: "agent", text: "Oui, une voiture de courtoisie est réservée à votre nom pour mardi.", at: 18 },
    { from: "customer", text: "Merci beaucoup!", at: 20 },
  ],
];

export const THREADS_EN: ThreadLine[][] = [
  [
    { from: "automation", text: "Hi {first}, this is a reminder of your appointment tomorrow at 9:00 AM at Beaulieu Automobiles. Reply YES to confirm or NO to cancel.", at: 0 },
    { from: "customer", text: "Yes, see you tomorrow", at: 9 },
  ],
  [
    { from: "customer", text: "Hi, how much for a full synthetic oil change on a {vehicle}?", at: 0 },
    { from: "agent", text: "Hi {first}! It's $119.95 including the filter and a multi-point inspection. Want me to book you in?", at: 7 },
    { from: "customer", text: "Sure, any time Saturday morning?", at: 40 },
  ],
  [
    { from: "agent", text: "Hi {first}, your {vehicle} is ready for pickup. We're open until 6 PM.", at: 0 },
    { from: "customer", text: "Thanks! On my way", at: 12 },
    { from: "agent", text: "See you soon!", at: 13 },
  ],
  [
    { from: "customer", text: "My tire pressure light keeps coming on, can you take a look this week?", at: 0 },
    { from: "agent", text: "Of course. Could you drop it off Wednesday at 8:00? It usually takes about 30 minutes.", at: 15 },
  ],
  [
    { from: "customer", text: "Do you have winter tires in stock for a {vehicle}?", at: 0 },
  ],
  [
    { from: "automation", text: "Thanks for visiting Beaulieu Automobiles, {first}! How did we do? Leave us a review: https://parley.test/r/demo", at: 0 },
    { from: "customer", text: "Great service, Alex was super helpful.", at: 63 },
    { from: "agent", text: "Thank you so much {first}, we appreciate it!", at: 70 },
  ],
];

export const SAVED_REPLIES = [
  { title: "Véhicule prêt", body: "Bonjour { customer.first_name | \"\" }, votre véhicule est prêt! Vous pouvez passer le chercher jusqu'à 18 h. - { company.name }" },
  { title: "Confirmation de rendez-vous", body: "Bonjour { customer.first_name }, votre rendez-vous du { appointment.start_at_date } à { appointment.start_at_time } est confirmé." },
  { title: "Heures d'ouverture", body: "Nous sommes ouverts du lundi au vendredi de 7 h 30 à 18 h et le samedi de 8 h à 12 h." },
  { title: "Vehicle ready", body: "Hi { customer.first_name | \"there\" }, your vehicle is ready for pickup! We're open until 6 PM. - { company.name }" },
  { title: "Appointment confirmed", body: "Hi { customer.first_name }, your appointment on { appointment.start_at_date } at { appointment.start_at_time } is confirmed." },
  { title: "Estimate follow-up", body: "Hi { customer.first_name }, just following up on the estimate we sent. Any questions? 🙂" },
];

export const REVIEW_COMMENTS = [
  "Service rapide et courtois, merci!",
  "Very easy to book by text, the car was ready on time.",
  "Bon travail, mais l'attente était un peu longue.",
  "Great team, they explained everything before the repair.",
  "Toujours satisfait, je recommande.",
];

export const PROFILE_NOTES = [
  "Préfère être contacté par texto après 16 h.",
  "Asked for a quote on winter tires before December.",
  "Client fidèle depuis 2015, offrir la voiture de courtoisie.",
  "Wants the old parts kept for inspection.",
  "Garantie prolongée jusqu'en 2027.",
];
