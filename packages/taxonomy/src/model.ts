import { type ArchetypeId, type Logits, mapArchetypes, type Probabilities } from './archetypes.js';
import { FEATURE_NAMES, type FeatureName, type Features } from './features.js';
import { softmax } from './softmax.js';

/** Weights of one archetype; a feature left out has weight 0. */
export type FeatureWeights = Readonly<Partial<Record<FeatureName, number>>>;

/**
 * A multinomial logistic regression over the bounded features:
 * logit(a) = bias(a) + sum over features f of weight(a, f) * feature(f).
 */
export interface Model {
  /** Logits of a session with every feature at 0; softmax(bias) is the model's default mix. */
  readonly bias: Logits;
  readonly weights: Readonly<Record<ArchetypeId, FeatureWeights>>;
}

/**
 * The mix the model assumes before seeing any behaviour. Project's own choice, not measured:
 * explorer gets the largest share because most store visits end without a purchase, and every
 * archetype keeps at least 10 % so early evidence can move any of them to the top.
 */
export const DEFAULT_ARCHETYPE_MIX: Probabilities = {
  deal_seeker: 0.17,
  researcher: 0.13,
  impulse_buyer: 0.1,
  social_proof_seeker: 0.14,
  loyalist: 0.1,
  explorer: 0.26,
  overwhelmed: 0.1,
};

/*
 * Weights of the default model, taxonomy 2026-12.
 *
 * No published study validates these archetypes from clickstream alone, and this model was
 * not fitted to data: the literature says which way a behaviour should point; which signals
 * carry it and every size are the project's own hand-set choices, each in [-3, 3] so that no
 * single feature moves a logit by more than 3. Per-shop calibration (temperature, log-prior
 * adjustment) corrects them with each shop's own data. archetype-catalog.test.ts checks that
 * the published catalog documents every non-zero weight here with the same sign.
 */
const DEFAULT_WEIGHTS: Readonly<Record<ArchetypeId, FeatureWeights>> = {
  // Literature: loss aversion and reference prices (Kahneman & Tversky 1979; Tversky & Kahneman
  // 1992) and transaction utility, the pleasure of the deal itself (Thaler 1985): sale pages,
  // price sorting and price filters signal a shopper weighing price against a reference.
  // Project choice: frequent review reading leans away from this archetype.
  deal_seeker: {
    saleViewsPerPageView: 2.6,
    priceSortsSaturated: 2.0,
    priceFiltersSaturated: 1.8,
    collectionViewsPerPageView: 0.4,
    reviewReadsPerProductView: -0.6,
  },
  // Literature: maximisers search exhaustively before choosing (Schwartz et al. 2002);
  // searching and knowledge-building visits view more product detail (Moe 2003).
  // Project choice: dwell, scroll depth, variant changes and review reads as the measure of
  // deliberation; an add-to-cart within seconds argues against it.
  researcher: {
    meanProductDwellSaturated: 1.8,
    meanScrollDepth: 1.0,
    reviewReadsPerProductView: 0.8,
    variantChangesSaturated: 1.8,
    distinctProductsSaturated: 0.8,
    searchesSaturated: 0.4,
    addToCartSpeed: -1.5,
  },
  // Literature: present bias, preferring the reward now (Laibson 1997); purchase intent shows in
  // the first few page views (Montgomery et al. 2004).
  // Project choice: speed to first add-to-cart as the main marker; short dwell and few pages.
  impulse_buyer: {
    addToCartSpeed: 3.0,
    addToCartsPerProductView: 1.4,
    meanProductDwellSaturated: -1.0,
    pageViewsSaturated: -0.8,
    reviewReadsPerProductView: -0.6,
  },
  // Literature: social proof, doing what others did under uncertainty (Cialdini 1984).
  // Project choice: the share of time spent on reviews, rather than their count alone, separates
  // it from the researcher, who reads reviews among many other things.
  social_proof_seeker: {
    reviewDwellPerActiveTime: 3.0,
    reviewReadsPerProductView: 1.8,
    distinctProductsSaturated: -0.6,
  },
  // Literature: status quo bias, sticking with a known option (Samuelson & Zeckhauser 1988).
  // Project choice: a returning visitor who revisits the same products and checks the cart
  // without searching or browsing sales.
  loyalist: {
    returningVisitor: 1.4,
    repeatViewsPerProductView: 2.0,
    cartViewsSaturated: 0.8,
    searchesSaturated: -0.8,
    saleViewsPerPageView: -0.6,
    collectionViewsPerPageView: -0.4,
  },
  // Literature: variety seeking (McAlister & Pessemier 1982); hedonic browsing visits cover many
  // category pages with little product depth (Moe 2003).
  // Project choice: breadth of collections and distinct products with short product dwell.
  explorer: {
    collectionViewsPerPageView: 1.6,
    distinctProductsSaturated: 1.4,
    pageViewsSaturated: 0.8,
    meanProductDwellSaturated: -1.2,
    addToCartsPerProductView: -0.6,
  },
  // Literature: choice overload lowers the chance of choosing at all (Iyengar & Lepper 2000).
  // Project choice: re-sorting, repeated searching, cart removals and long time without adding
  // anything as the visible traces of a stalled choice.
  overwhelmed: {
    nonPriceSortsSaturated: 1.6,
    searchesSaturated: 1.4,
    cartRemovalsPerAddToCart: 2.0,
    activeTimeWithoutCartSaturated: 1.6,
    repeatViewsPerProductView: 0.4,
  },
};

/** The on-device model the tracker uses unless told otherwise. */
export const DEFAULT_MODEL: Model = {
  // Marked pure so a bundle that needs only validators or the catalog can drop the model.
  bias: /* @__PURE__ */ mapArchetypes((id) => Math.log(DEFAULT_ARCHETYPE_MIX[id])),
  weights: DEFAULT_WEIGHTS,
};

/** One logit per archetype for the given features; calibration is applied afterwards. */
export function archetypeLogits(features: Features, model: Model = DEFAULT_MODEL): Logits {
  return mapArchetypes((id) => logitOf(id, features, model));
}

/** The mix the model predicts for a session with no evidence: softmax of its biases. */
export function defaultMix(model: Model = DEFAULT_MODEL): Probabilities {
  return softmax(model.bias);
}

function logitOf(id: ArchetypeId, features: Features, model: Model): number {
  const weights = model.weights[id];
  let logit = model.bias[id];
  for (const name of FEATURE_NAMES) {
    logit += (weights[name] ?? 0) * features[name];
  }

  return logit;
}
