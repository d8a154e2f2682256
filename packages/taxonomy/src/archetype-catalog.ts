/**
 * The published archetype catalog of taxonomy 2026-12: what each archetype means, which
 * behaviours indicate it, where the idea comes from, and what a merchant might show it.
 *
 * This module holds the long prose. It is kept apart from the model so that the storefront
 * tracker, which imports only `classify` and friends, never bundles it: everything here is a
 * plain literal with no side effects, so bundlers drop it when it is not imported.
 */
import { type ArchetypeId, TAXONOMY_VERSION } from './archetypes.js';
import type { FeatureName } from './features.js';
import type { SessionSignals } from './session-signals.js';

export interface LiteratureSource {
  readonly authors: string;
  readonly year: number;
  readonly title: string;
  /** Journal, volume(issue), pages; or publisher for a book or report. */
  readonly publishedIn: string;
  readonly doi?: string;
  readonly kind: 'journal article' | 'book' | 'industry report';
}

/** A source and the specific claim this taxonomy takes from it. */
export interface SourceCitation {
  readonly source: LiteratureSource;
  readonly supports: string;
}

/** One behaviour that moves an archetype's probability, tied to the model feature measuring it. */
export interface BehaviourIndicator {
  /** The session counters the behaviour is read from. */
  readonly signals: readonly (keyof SessionSignals)[];
  /** The feature of the default model that carries it. */
  readonly feature: FeatureName;
  /** Whether more of this behaviour raises or lowers the archetype's probability. */
  readonly effect: 'raises' | 'lowers';
  readonly description: string;
}

export interface ArchetypeDefinition {
  readonly id: ArchetypeId;
  readonly name: string;
  readonly definition: string;
  readonly indicators: readonly BehaviourIndicator[];
  readonly sources: readonly SourceCitation[];
  /** What in this archetype is the project's own modelling choice rather than literature. */
  readonly modellingChoices: string;
  /** Ideas for what to show; merchants decide, and nothing here needs deceptive design. */
  readonly merchantSuggestions: readonly string[];
}

export interface ArchetypeCatalog {
  readonly version: typeof TAXONOMY_VERSION;
  readonly archetypes: Readonly<Record<ArchetypeId, ArchetypeDefinition>>;
  readonly limitations: readonly string[];
}

// Each source is its own constant: bundlers keep an object whose property is read, so
// archetypes refer to these names, never to LITERATURE.x, to stay tree-shakeable.
const KAHNEMAN_TVERSKY_1979: LiteratureSource = {
  authors: 'Kahneman, D., & Tversky, A.',
  year: 1979,
  title: 'Prospect theory: An analysis of decision under risk',
  publishedIn: 'Econometrica, 47(2), 263-291',
  doi: '10.2307/1914185',
  kind: 'journal article',
};

const TVERSKY_KAHNEMAN_1992: LiteratureSource = {
  authors: 'Tversky, A., & Kahneman, D.',
  year: 1992,
  title: 'Advances in prospect theory: Cumulative representation of uncertainty',
  publishedIn: 'Journal of Risk and Uncertainty, 5(4), 297-323',
  doi: '10.1007/BF00122574',
  kind: 'journal article',
};

const THALER_1985: LiteratureSource = {
  authors: 'Thaler, R.',
  year: 1985,
  title: 'Mental accounting and consumer choice',
  publishedIn: 'Marketing Science, 4(3), 199-214',
  doi: '10.1287/mksc.4.3.199',
  kind: 'journal article',
};

const LAIBSON_1997: LiteratureSource = {
  authors: 'Laibson, D.',
  year: 1997,
  title: 'Golden eggs and hyperbolic discounting',
  publishedIn: 'Quarterly Journal of Economics, 112(2), 443-477',
  doi: '10.1162/003355397555253',
  kind: 'journal article',
};

const SCHWARTZ_2002: LiteratureSource = {
  authors: 'Schwartz, B., Ward, A., Monterosso, J., Lyubomirsky, S., White, K., & Lehman, D. R.',
  year: 2002,
  title: 'Maximizing versus satisficing: Happiness is a matter of choice',
  publishedIn: 'Journal of Personality and Social Psychology, 83(5), 1178-1197',
  doi: '10.1037/0022-3514.83.5.1178',
  kind: 'journal article',
};

const IYENGAR_LEPPER_2000: LiteratureSource = {
  authors: 'Iyengar, S. S., & Lepper, M. R.',
  year: 2000,
  title: 'When choice is demotivating: Can one desire too much of a good thing?',
  publishedIn: 'Journal of Personality and Social Psychology, 79(6), 995-1006',
  doi: '10.1037/0022-3514.79.6.995',
  kind: 'journal article',
};

const CIALDINI_1984: LiteratureSource = {
  authors: 'Cialdini, R. B.',
  year: 1984,
  title: 'Influence: How and why people agree to things',
  publishedIn: 'New York: William Morrow',
  kind: 'book',
};

const SAMUELSON_ZECKHAUSER_1988: LiteratureSource = {
  authors: 'Samuelson, W., & Zeckhauser, R.',
  year: 1988,
  title: 'Status quo bias in decision making',
  publishedIn: 'Journal of Risk and Uncertainty, 1(1), 7-59',
  doi: '10.1007/BF00055564',
  kind: 'journal article',
};

const MCALISTER_PESSEMIER_1982: LiteratureSource = {
  authors: 'McAlister, L., & Pessemier, E.',
  year: 1982,
  title: 'Variety seeking behavior: An interdisciplinary review',
  publishedIn: 'Journal of Consumer Research, 9(3), 311-322',
  doi: '10.1086/208926',
  kind: 'journal article',
};

const MOE_2003: LiteratureSource = {
  authors: 'Moe, W. W.',
  year: 2003,
  title:
    'Buying, searching, or browsing: Differentiating between online shoppers using ' +
    'in-store navigational clickstream',
  publishedIn: 'Journal of Consumer Psychology, 13(1-2), 29-39',
  doi: '10.1207/S15327663JCP13-1&2_03',
  kind: 'journal article',
};

const MONTGOMERY_2004: LiteratureSource = {
  authors: 'Montgomery, A. L., Li, S., Srinivasan, K., & Liechty, J. C.',
  year: 2004,
  title: 'Modeling online browsing and path analysis using clickstream data',
  publishedIn: 'Marketing Science, 23(4), 579-595',
  doi: '10.1287/mksc.1040.0073',
  kind: 'journal article',
};

const SPIEGEL_2017: LiteratureSource = {
  authors: 'Spiegel Research Center, Northwestern University',
  year: 2017,
  title: 'How online reviews influence sales',
  publishedIn: 'Evanston, IL: Spiegel Research Center',
  kind: 'industry report',
};

/** The works the taxonomy draws on, keyed for lookup; several archetypes cite the same one. */
export const LITERATURE = {
  kahnemanTversky1979: KAHNEMAN_TVERSKY_1979,
  tverskyKahneman1992: TVERSKY_KAHNEMAN_1992,
  thaler1985: THALER_1985,
  laibson1997: LAIBSON_1997,
  schwartz2002: SCHWARTZ_2002,
  iyengarLepper2000: IYENGAR_LEPPER_2000,
  cialdini1984: CIALDINI_1984,
  samuelsonZeckhauser1988: SAMUELSON_ZECKHAUSER_1988,
  mcAlisterPessemier1982: MCALISTER_PESSEMIER_1982,
  moe2003: MOE_2003,
  montgomery2004: MONTGOMERY_2004,
  spiegel2017: SPIEGEL_2017,
} satisfies Readonly<Record<string, LiteratureSource>>;

const dealSeeker: ArchetypeDefinition = {
  id: 'deal_seeker',
  name: 'Deal seeker',
  definition:
    'Judges a purchase by its price against a reference point: the compare-at price, an ' +
    'earlier price, a price seen elsewhere. Getting a good deal is part of the reward, on top ' +
    'of the product itself. Shows up as time spent in sale collections and on discounted ' +
    'products, listings ordered by price and narrowed by price range, and comparatively ' +
    'little reading about any single product.',
  indicators: [
    {
      signals: ['saleViews', 'pageViews'],
      feature: 'saleViewsPerPageView',
      effect: 'raises',
      description: 'A large share of page views are sale pages or show a compare-at price.',
    },
    {
      signals: ['priceSorts'],
      feature: 'priceSortsSaturated',
      effect: 'raises',
      description: 'Listings sorted by price, low to high or high to low.',
    },
    {
      signals: ['priceFilters'],
      feature: 'priceFiltersSaturated',
      effect: 'raises',
      description: 'Price range filters used.',
    },
    {
      signals: ['collectionViews', 'pageViews'],
      feature: 'collectionViewsPerPageView',
      effect: 'raises',
      description: 'Time spent in listings, where prices can be compared side by side.',
    },
    {
      signals: ['reviewReads', 'productViews'],
      feature: 'reviewReadsPerProductView',
      effect: 'lowers',
      description: 'Review sections read on many of the products viewed.',
    },
  ],
  sources: [
    {
      source: KAHNEMAN_TVERSKY_1979,
      supports:
        'Outcomes are valued as gains and losses from a reference point, and losses weigh ' +
        'more than equal gains; a compare-at price works as such a reference.',
    },
    {
      source: TVERSKY_KAHNEMAN_1992,
      supports:
        'Cumulative prospect theory, with a median loss-aversion coefficient of about 2.25: ' +
        'a missed saving can feel larger than the same amount saved.',
    },
    {
      source: THALER_1985,
      supports:
        'Transaction utility: the perceived merit of the deal relative to a reference price ' +
        'adds to (or subtracts from) the value of the good itself.',
    },
  ],
  modellingChoices:
    'Reading sale-page share, price sorts and price filters as the visible trace of ' +
    'reference-price shopping, and treating frequent review reading as a lean away from it, ' +
    'are project choices; the weights are hand-set.',
  merchantSuggestions: [
    'Show the saving against the compare-at price, in money and as a percentage.',
    'Point to the sale collection, bundles, or how close the cart is to free shipping.',
    'Keep reference prices genuine: an invented "was" price misleads and may be unlawful.',
  ],
};

const researcher: ArchetypeDefinition = {
  id: 'researcher',
  name: 'Researcher',
  definition:
    'Gathers information before committing. Looks at several candidate products in depth, ' +
    'reads pages to the end and reads their reviews, tries sizes, colours and other options, ' +
    'and waits to add anything to the cart until the comparison feels complete. Close to ' +
    "what Schwartz and colleagues call a maximiser, and to Moe's searching and " +
    'knowledge-building visits.',
  indicators: [
    {
      signals: ['productDwellMs', 'productViews'],
      feature: 'meanProductDwellSaturated',
      effect: 'raises',
      description: 'Long active time per product page.',
    },
    {
      signals: ['scrollDepthSum', 'pageViews'],
      feature: 'meanScrollDepth',
      effect: 'raises',
      description: 'Pages scrolled close to the end.',
    },
    {
      signals: ['reviewReads', 'productViews'],
      feature: 'reviewReadsPerProductView',
      effect: 'raises',
      description: 'Reviews read on the products viewed.',
    },
    {
      signals: ['variantChanges'],
      feature: 'variantChangesSaturated',
      effect: 'raises',
      description: 'Product options and variants tried.',
    },
    {
      signals: ['distinctProducts'],
      feature: 'distinctProductsSaturated',
      effect: 'raises',
      description: 'Several distinct products considered.',
    },
    {
      signals: ['searches'],
      feature: 'searchesSaturated',
      effect: 'raises',
      description: 'Searches for specific products or attributes.',
    },
    {
      signals: ['msToFirstAddToCart'],
      feature: 'addToCartSpeed',
      effect: 'lowers',
      description: 'An add-to-cart early in the visit.',
    },
  ],
  sources: [
    {
      source: SCHWARTZ_2002,
      supports:
        'Maximisers look for the best option and search and compare more extensively than ' +
        'satisficers, who stop at the first option that is good enough.',
    },
    {
      source: MOE_2003,
      supports:
        'Store visits differ by goal; searching and knowledge-building visits can be told ' +
        'apart by navigation, with more time on product-level information pages.',
    },
  ],
  modellingChoices:
    'Measuring deliberation through product dwell, scroll depth, variant changes and review ' +
    'reads, and counting a very early add-to-cart against it, are project choices.',
  merchantSuggestions: [
    'Full specifications, size guides and side-by-side comparisons.',
    'Reviews and questions and answers placed prominently, including critical ones.',
    'Clear delivery and returns terms; no countdowns or pressure, which this shopper distrusts.',
  ],
};

const impulseBuyer: ArchetypeDefinition = {
  id: 'impulse_buyer',
  name: 'Impulse buyer',
  definition:
    'Decides quickly and prefers having the product now to deliberating about it. Visits few ' +
    'pages, glances rather than reads, and adds to the cart early in the visit. Present bias, ' +
    'the extra weight people give to what is immediate, describes the pull behind it.',
  indicators: [
    {
      signals: ['msToFirstAddToCart'],
      feature: 'addToCartSpeed',
      effect: 'raises',
      description: 'An add-to-cart within the first minute or so of active time.',
    },
    {
      signals: ['addToCarts', 'productViews'],
      feature: 'addToCartsPerProductView',
      effect: 'raises',
      description: 'Many of the products viewed were added to the cart.',
    },
    {
      signals: ['productDwellMs', 'productViews'],
      feature: 'meanProductDwellSaturated',
      effect: 'lowers',
      description: 'Long active time per product page.',
    },
    {
      signals: ['pageViews'],
      feature: 'pageViewsSaturated',
      effect: 'lowers',
      description: 'Many pages viewed.',
    },
    {
      signals: ['reviewReads', 'productViews'],
      feature: 'reviewReadsPerProductView',
      effect: 'lowers',
      description: 'Reviews read before deciding.',
    },
  ],
  sources: [
    {
      source: LAIBSON_1997,
      supports:
        'Quasi-hyperbolic discounting: immediate rewards are weighted more heavily than any ' +
        'delayed ones, which favours acting now over deliberating.',
    },
    {
      source: MONTGOMERY_2004,
      supports:
        "A visitor's path through the first few page views already carries information about " +
        'whether the visit will end in a purchase.',
    },
  ],
  modellingChoices:
    'Using the speed of the first add-to-cart as the main marker of present bias, and short ' +
    'dwell and few pages as supporting evidence, are project choices.',
  merchantSuggestions: [
    'A short path to checkout: visible add-to-cart, express checkout, delivery date shown.',
    'One relevant add-on at the cart rather than a wall of suggestions.',
    'No fake countdown timers or invented stock levels: they exploit the bias.',
  ],
};

const socialProofSeeker: ArchetypeDefinition = {
  id: 'social_proof_seeker',
  name: 'Social proof seeker',
  definition:
    'Relies on what other people chose and said. Spends a large part of the visit in ' +
    'ratings and reviews, and uses them to settle uncertainty about a product rather than ' +
    'comparing many products personally.',
  indicators: [
    {
      signals: ['reviewDwellMs', 'activeMs'],
      feature: 'reviewDwellPerActiveTime',
      effect: 'raises',
      description: 'A large share of active time with a review section in view.',
    },
    {
      signals: ['reviewReads', 'productViews'],
      feature: 'reviewReadsPerProductView',
      effect: 'raises',
      description: 'Review sections read on most products viewed.',
    },
    {
      signals: ['distinctProducts'],
      feature: 'distinctProductsSaturated',
      effect: 'lowers',
      description: 'Many distinct products compared.',
    },
  ],
  sources: [
    {
      source: CIALDINI_1984,
      supports:
        'Social proof: when unsure, people treat what others do as evidence of the right ' +
        'choice.',
    },
    {
      source: SPIEGEL_2017,
      supports:
        'Displaying reviews raises purchase likelihood; it tends to peak for average ratings ' +
        'of about 4.0 to 4.7 stars rather than at a perfect 5.',
    },
  ],
  modellingChoices:
    'Separating this archetype from the researcher by the share of time spent on reviews, ' +
    'rather than by the number of reviews read, is a project choice.',
  merchantSuggestions: [
    'Rating and review count next to the price; reviews from verified buyers first.',
    'Customer photos and a "popular in this collection" row based on real orders.',
    'Keep critical reviews visible: a perfect score reads as too good to be true.',
  ],
};

const loyalist: ArchetypeDefinition = {
  id: 'loyalist',
  name: 'Loyalist',
  definition:
    'A returning shopper who sticks with what they know. Goes back to products already ' +
    'seen or bought, reaches them directly rather than searching or browsing sales, and ' +
    'checks the cart. Status quo bias, the tendency to keep the current or familiar option, ' +
    'describes the pattern.',
  indicators: [
    {
      signals: ['returning'],
      feature: 'returningVisitor',
      effect: 'raises',
      description: 'The visitor has been to the store before.',
    },
    {
      signals: ['productViews', 'distinctProducts'],
      feature: 'repeatViewsPerProductView',
      effect: 'raises',
      description: 'Product views that revisit a product already seen.',
    },
    {
      signals: ['cartViews'],
      feature: 'cartViewsSaturated',
      effect: 'raises',
      description: 'The cart checked during the visit.',
    },
    {
      signals: ['searches'],
      feature: 'searchesSaturated',
      effect: 'lowers',
      description: 'Searches for something new.',
    },
    {
      signals: ['saleViews', 'pageViews'],
      feature: 'saleViewsPerPageView',
      effect: 'lowers',
      description: 'Time in sale pages.',
    },
    {
      signals: ['collectionViews', 'pageViews'],
      feature: 'collectionViewsPerPageView',
      effect: 'lowers',
      description: 'Time browsing listings.',
    },
  ],
  sources: [
    {
      source: SAMUELSON_ZECKHAUSER_1988,
      supports:
        'People choose the status quo option disproportionately often, even when the ' +
        'alternatives are as good or better.',
    },
  ],
  modellingChoices:
    'Reading repeat product views, cart checks and a returning visitor cookie as status quo ' +
    'behaviour is a project choice; a returning visitor alone is weak evidence.',
  merchantSuggestions: [
    'A "buy again" or "recently viewed" row; reorder in one step.',
    'Subscriptions or replenishment reminders for consumables (with consent for email).',
    'New items in the categories the shopper already knows, rather than a generic home page.',
  ],
};

const explorer: ArchetypeDefinition = {
  id: 'explorer',
  name: 'Explorer',
  definition:
    'Browses for its own sake and for variety. Moves across many collections and products, ' +
    'spends little time on any one of them, and often leaves without adding anything to the ' +
    "cart. Related to variety seeking and to Moe's browsing visits.",
  indicators: [
    {
      signals: ['collectionViews', 'pageViews'],
      feature: 'collectionViewsPerPageView',
      effect: 'raises',
      description: 'A large share of page views are collections and listings.',
    },
    {
      signals: ['distinctProducts'],
      feature: 'distinctProductsSaturated',
      effect: 'raises',
      description: 'Many distinct products viewed.',
    },
    {
      signals: ['pageViews'],
      feature: 'pageViewsSaturated',
      effect: 'raises',
      description: 'Many pages viewed.',
    },
    {
      signals: ['productDwellMs', 'productViews'],
      feature: 'meanProductDwellSaturated',
      effect: 'lowers',
      description: 'Long active time per product page.',
    },
    {
      signals: ['addToCarts', 'productViews'],
      feature: 'addToCartsPerProductView',
      effect: 'lowers',
      description: 'Many of the products viewed added to the cart.',
    },
  ],
  sources: [
    {
      source: MCALISTER_PESSEMIER_1982,
      supports:
        'Some switching between products is driven by a wish for variety and novelty itself, ' +
        'not by dissatisfaction with the last choice.',
    },
    {
      source: MOE_2003,
      supports:
        'Browsing visits spread over broad, category-level pages and are the least likely to ' +
        'end in a purchase.',
    },
  ],
  modellingChoices:
    'Breadth of collections and products combined with short product dwell as the marker of ' +
    'browsing is a project choice.',
  merchantSuggestions: [
    'New arrivals, curated collections and lookbooks.',
    'Cross-category suggestions and a wishlist to come back to.',
    'Keep it light: discounts and urgency are wasted on a shopper who is not deciding yet.',
  ],
};

const overwhelmed: ArchetypeDefinition = {
  id: 'overwhelmed',
  name: 'Overwhelmed',
  definition:
    'Faces more choice than they can resolve. Keeps re-sorting and searching, returns to the ' +
    'same products, adds to the cart and takes out again, and stays a long time without ' +
    'settling on anything. Choice overload predicts that a large assortment can lower the ' +
    'chance of choosing at all.',
  indicators: [
    {
      signals: ['sortChanges', 'priceSorts'],
      feature: 'nonPriceSortsSaturated',
      effect: 'raises',
      description: 'Listings re-sorted by something other than price.',
    },
    {
      signals: ['searches'],
      feature: 'searchesSaturated',
      effect: 'raises',
      description: 'Repeated searches.',
    },
    {
      signals: ['cartRemovals', 'addToCarts'],
      feature: 'cartRemovalsPerAddToCart',
      effect: 'raises',
      description: 'Items taken out of the cart again.',
    },
    {
      signals: ['activeMs', 'addToCarts', 'msToFirstAddToCart'],
      feature: 'activeTimeWithoutCartSaturated',
      effect: 'raises',
      description: 'A long active visit with nothing added to the cart.',
    },
    {
      signals: ['productViews', 'distinctProducts'],
      feature: 'repeatViewsPerProductView',
      effect: 'raises',
      description: 'Going back to products already seen.',
    },
  ],
  sources: [
    {
      source: IYENGAR_LEPPER_2000,
      supports:
        'Shoppers offered an extensive assortment were far less likely to buy than those ' +
        'offered a small one, and were less satisfied with what they chose.',
    },
    {
      source: SCHWARTZ_2002,
      supports:
        'Maximisers report more regret and less satisfaction with their choices: searching ' +
        'harder can make choosing harder.',
    },
  ],
  modellingChoices:
    'Reading re-sorting, repeated searches, cart removals and long cartless visits as the ' +
    'trace of a stalled choice is a project choice.',
  merchantSuggestions: [
    'Narrow the choice: a short "our pick" or best-seller list, or a guided product finder.',
    'Compare two or three items at most; state the returns policy to lower the stakes.',
    'Avoid adding more options or more pop-ups to an already crowded decision.',
  ],
};

/** The catalog of taxonomy 2026-12; see docs/taxonomy.md for the long form. */
export const ARCHETYPE_CATALOG: ArchetypeCatalog = {
  version: TAXONOMY_VERSION,
  archetypes: {
    deal_seeker: dealSeeker,
    researcher,
    impulse_buyer: impulseBuyer,
    social_proof_seeker: socialProofSeeker,
    loyalist,
    explorer,
    overwhelmed,
  },
  limitations: [
    'No published study validates behavioural-economics archetypes from clickstream alone. ' +
      'The literature says which way a behaviour should point; the mapping to session ' +
      'counters and every weight of the default model are the project’s own choices.',
    'Probabilities describe one browsing session, not a person. They are not identities, ' +
      'and a shopper can look like a different archetype on another day.',
    'The default model is hand-set, not fitted; per-shop calibration adjusts its temperature ' +
      "and archetype mix with a shop's own data, and only with the merchant's consent.",
  ],
};
