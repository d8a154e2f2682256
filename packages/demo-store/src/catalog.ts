/** A shopper's review of one product. */
export interface Review {
  readonly author: string;
  /** Whole stars, 1 to 5. */
  readonly rating: 1 | 2 | 3 | 4 | 5;
  readonly text: string;
}

/** The one option a product varies by, with its two values (the first is the default). */
export interface VariantOption {
  readonly name: string;
  readonly values: readonly [string, string];
}

export interface Product {
  /** URL segment and product id (`data-af-product-id`). */
  readonly handle: string;
  readonly name: string;
  readonly priceCents: number;
  /** The former price; present only on sale items, and always above `priceCents`. */
  readonly compareAtPriceCents?: number;
  readonly description: string;
  /** Handles of the collections that list this product. */
  readonly collections: readonly string[];
  readonly option: VariantOption;
  readonly reviews: readonly Review[];
}

export interface Collection {
  readonly handle: string;
  readonly title: string;
  readonly description: string;
  /** A sale collection marks its pages with `data-af-sale="true"`. */
  readonly sale: boolean;
}

export interface Catalog {
  readonly collections: readonly Collection[];
  /** In "featured" order. */
  readonly products: readonly Product[];
}

const COLLECTIONS: readonly Collection[] = [
  {
    handle: 'outdoor',
    title: 'Outdoor',
    description: 'Light, sturdy kit for day hikes, wet weekends and slow evenings at camp.',
    sale: false,
  },
  {
    handle: 'kitchen',
    title: 'Kitchen',
    description: 'Tools that earn their place on the counter and last for years.',
    sale: false,
  },
  {
    handle: 'sale',
    title: 'Sale',
    description: 'Last season’s colours and overstock, marked down while they last.',
    sale: true,
  },
];

const OUTDOOR: readonly Product[] = [
  {
    handle: 'ridgeline-trail-lantern',
    name: 'Ridgeline Trail Lantern',
    priceCents: 3400,
    compareAtPriceCents: 4800,
    description: 'A palm-sized rechargeable lantern with a warm dimmer and a hook that folds flat.',
    collections: ['outdoor', 'sale'],
    option: { name: 'Colour', values: ['Moss', 'Slate'] },
    reviews: [
      {
        author: 'Priya',
        rating: 5,
        text: 'Lasted three nights on the lowest setting. Lovely light.',
      },
      { author: 'Tomasz', rating: 4, text: 'Bright enough to cook by. The hook feels a bit thin.' },
      {
        author: 'Ines',
        rating: 5,
        text: 'Hangs from the tent loop perfectly. Bought a second one.',
      },
      { author: 'Callum', rating: 3, text: 'Good lantern, but the charging port cover is fiddly.' },
    ],
  },
  {
    handle: 'packable-rain-shell',
    name: 'Packable Rain Shell',
    priceCents: 8900,
    description: 'Seam-taped, breathable and stuffs into its own chest pocket.',
    collections: ['outdoor'],
    option: { name: 'Size', values: ['Medium', 'Large'] },
    reviews: [
      { author: 'Maren', rating: 5, text: 'Stayed dry through a whole afternoon of drizzle.' },
      {
        author: 'Dev',
        rating: 4,
        text: 'Runs slightly small; size up if you wear a fleece under it.',
      },
      { author: 'Okonkwo', rating: 4, text: 'Packs tiny. Hood adjusts well even in wind.' },
      {
        author: 'Lea',
        rating: 2,
        text: 'Got clammy on a steep climb. Fine for walking, not running.',
      },
      { author: 'Sami', rating: 5, text: 'Lives in my daypack now. No regrets.' },
    ],
  },
  {
    handle: 'enamel-camp-mug',
    name: 'Enamel Camp Mug',
    priceCents: 1600,
    description:
      'Steel with a speckled enamel coat. Goes on the stove, then straight to your hands.',
    collections: ['outdoor'],
    option: { name: 'Colour', values: ['Cream', 'Pine'] },
    reviews: [
      {
        author: 'Hannah',
        rating: 5,
        text: 'Exactly the mug I pictured. Coffee tastes better in it.',
      },
      { author: 'Rui', rating: 4, text: 'The rim gets hot, as enamel does. Otherwise perfect.' },
      { author: 'Bo', rating: 5, text: 'Survived a drop onto rocks with just a tiny chip.' },
    ],
  },
  {
    handle: 'alder-trekking-poles',
    name: 'Alder Trekking Poles',
    priceCents: 7200,
    compareAtPriceCents: 9500,
    description: 'A pair of three-section aluminium poles with cork grips and quick flick locks.',
    collections: ['outdoor', 'sale'],
    option: { name: 'Length', values: ['115 cm', '130 cm'] },
    reviews: [
      { author: 'Gwen', rating: 5, text: 'My knees noticed the difference on the descent.' },
      { author: 'Arjun', rating: 4, text: 'Locks hold firm. A little heavier than carbon ones.' },
      { author: 'Elif', rating: 5, text: 'Cork grips stay comfortable even with sweaty hands.' },
      { author: 'Pete', rating: 3, text: 'Good value on sale. One tip came loose after a month.' },
      { author: 'Noor', rating: 4, text: 'Collapse small enough for a carry-on bag.' },
      { author: 'Jonas', rating: 5, text: 'Solid poles. The baskets swap off easily for snow.' },
    ],
  },
  {
    handle: 'canopy-travel-hammock',
    name: 'Canopy Travel Hammock',
    priceCents: 5800,
    description: 'Parachute nylon with tree-friendly straps. Sets up in under two minutes.',
    collections: ['outdoor'],
    option: { name: 'Colour', values: ['Sand', 'Rust'] },
    reviews: [
      {
        author: 'Chloe',
        rating: 5,
        text: 'Best nap of the summer. Straps are long enough for wide trees.',
      },
      { author: 'Marco', rating: 4, text: 'Roomy for one. Two people is a squeeze.' },
      {
        author: 'Yuki',
        rating: 4,
        text: 'Light and quick to hang. Would love a built-in bug net.',
      },
    ],
  },
  {
    handle: 'riverstone-dry-bag',
    name: 'Riverstone Dry Bag',
    priceCents: 2400,
    description: 'A roll-top bag that keeps a change of clothes dry in a kayak or a downpour.',
    collections: ['outdoor'],
    option: { name: 'Volume', values: ['10 L', '20 L'] },
    reviews: [
      { author: 'Aoife', rating: 5, text: 'Capsized twice, phone and jumper bone dry.' },
      { author: 'Kwame', rating: 4, text: 'Sturdy material. The 20 L fits a sleeping bag.' },
      { author: 'Sofia', rating: 3, text: 'Does the job, though the strap could be padded.' },
      { author: 'Ravi', rating: 5, text: 'Simple and tough. Use it every weekend.' },
    ],
  },
];

const KITCHEN: readonly Product[] = [
  {
    handle: 'bramble-chefs-knife',
    name: 'Bramble Chef’s Knife',
    priceCents: 6400,
    description: 'A high-carbon steel blade with a rounded spine that is easy on the index finger.',
    collections: ['kitchen'],
    option: { name: 'Blade', values: ['18 cm', '21 cm'] },
    reviews: [
      { author: 'Lucía', rating: 5, text: 'Sharp out of the box and holds its edge well.' },
      { author: 'Ben', rating: 5, text: 'Balanced just right. Onions have never been easier.' },
      { author: 'Fatima', rating: 4, text: 'Great knife; dry it at once or the carbon spots.' },
      { author: 'Oskar', rating: 4, text: 'The 21 cm feels long at first, now I love it.' },
    ],
  },
  {
    handle: 'stoneware-pour-over-set',
    name: 'Stoneware Pour-Over Set',
    priceCents: 4200,
    compareAtPriceCents: 5600,
    description: 'A glazed dripper and matching carafe for two slow cups of coffee.',
    collections: ['kitchen', 'sale'],
    option: { name: 'Glaze', values: ['Ash', 'Ochre'] },
    reviews: [
      { author: 'Mina', rating: 5, text: 'Beautiful glaze and an even, steady drip.' },
      { author: 'Theo', rating: 4, text: 'Holds heat well. Standard filters fit fine.' },
      { author: 'Zara', rating: 3, text: 'Lovely to look at, but the carafe lid rattles.' },
      { author: 'Kenji', rating: 5, text: 'My morning ritual is better for it.' },
    ],
  },
  {
    handle: 'end-grain-cutting-board',
    name: 'End-Grain Cutting Board',
    priceCents: 7800,
    description: 'Oiled maple blocks that are kind to knife edges, with rubber feet that stay put.',
    collections: ['kitchen'],
    option: { name: 'Size', values: ['Medium', 'Large'] },
    reviews: [
      { author: 'Ada', rating: 5, text: 'Heavy, stable and gorgeous. Worth every cent.' },
      { author: 'Luis', rating: 5, text: 'Knives stay sharper. Oil it monthly and it looks new.' },
      { author: 'Ingrid', rating: 4, text: 'The large one barely fits my sink, plan for that.' },
    ],
  },
  {
    handle: 'salt-and-pepper-mill-set',
    name: 'Salt & Pepper Mill Set',
    priceCents: 3600,
    description:
      'Two wooden mills with ceramic burrs and a knob to set the grind from fine to coarse.',
    collections: ['kitchen'],
    option: { name: 'Wood', values: ['Walnut', 'Oak'] },
    reviews: [
      { author: 'Omar', rating: 4, text: 'Smooth grind, easy to refill from the top.' },
      {
        author: 'Helen',
        rating: 3,
        text: 'Coarse setting is great; the finest is still a bit coarse.',
      },
      { author: 'Jae', rating: 5, text: 'Handsome on the table. Guests always ask about them.' },
      { author: 'Nadia', rating: 4, text: 'Solid build. Wish they were a touch taller.' },
      { author: 'Felix', rating: 2, text: 'The pepper mill jammed once with large peppercorns.' },
    ],
  },
  {
    handle: 'linen-apron',
    name: 'Linen Apron',
    priceCents: 3800,
    compareAtPriceCents: 5200,
    description: 'Washed linen with a deep front pocket and cross-back straps that never dig in.',
    collections: ['kitchen', 'sale'],
    option: { name: 'Colour', values: ['Oat', 'Charcoal'] },
    reviews: [
      { author: 'Iris', rating: 5, text: 'Soft after the first wash and comfortable all evening.' },
      { author: 'Matt', rating: 4, text: 'Fits well over a tall frame. Pocket is handy.' },
      { author: 'Leila', rating: 5, text: 'Charcoal hides flour dust nicely.' },
    ],
  },
  {
    handle: 'cast-iron-skillet',
    name: 'Cast Iron Skillet',
    priceCents: 5400,
    description: 'Pre-seasoned, smooth-milled and ready for a hob, an oven or a campfire.',
    collections: ['kitchen'],
    option: { name: 'Size', values: ['25 cm', '30 cm'] },
    reviews: [
      { author: 'Grace', rating: 5, text: 'The sear on a steak is unreal. Cleans up easily.' },
      { author: 'Hugo', rating: 4, text: 'Heavy as expected. The helper handle saves the wrist.' },
      { author: 'Amara', rating: 5, text: 'Cornbread slides right out. Seasoning is excellent.' },
      { author: 'Viktor', rating: 3, text: 'Good pan, but it arrived with a little surface rust.' },
      { author: 'Sun', rating: 4, text: 'Heats evenly once it is up to temperature.' },
    ],
  },
];

/** The fixed demo catalog: twelve products, three collections, four of them on sale. */
export const DEMO_CATALOG: Catalog = {
  collections: COLLECTIONS,
  products: [...OUTDOOR, ...KITCHEN],
};
