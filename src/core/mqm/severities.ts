/**
 * MQM severity levels and their penalty multipliers, the defaults of the MQM scoring model
 * (themqm.org, "The MQM Scoring Models": neutral 0, minor 1, major 5, critical 25). Issue 5 fixes
 * the same four weights. Every error type weighs 1 here (MQM lets a metric weight error types; we
 * do not), so a correction's penalty is its severity's weight.
 */

/** One severity level: its id (stored; never rename), label, penalty weight and meaning. */
export interface MqmSeverityLevel {
  readonly id: string;
  readonly label: string;
  /** Penalty points one error of this severity costs (MQM severity multiplier). */
  readonly weight: number;
  /** One sentence for an editor choosing a severity. */
  readonly description: string;
}

/** The four severities, mildest first. */
export const MQM_SEVERITIES = [
  { id: 'neutral', label: 'Neutral', weight: 0, description: 'Recorded but not an error: a preference, or a change the house style asks for.' },
  { id: 'minor', label: 'Minor', weight: 1, description: 'Noticeable, but a reader still understands and trusts the sentence.' },
  { id: 'major', label: 'Major', weight: 5, description: 'Changes or hides the meaning: a reader would be misinformed or confused.' },
  { id: 'critical', label: 'Critical', weight: 25, description: 'Makes the article unfit to publish: a false statement about a person or a figure where every reader sees it.' },
] as const satisfies readonly MqmSeverityLevel[];

/** A severity's id. */
export type MqmSeverity = (typeof MQM_SEVERITIES)[number]['id'];

const WEIGHTS: ReadonlyMap<string, number> = new Map(MQM_SEVERITIES.map((s) => [s.id, s.weight]));

/** Returns true when `value` is a severity id (for stored or posted values). */
export function isMqmSeverity(value: string): value is MqmSeverity {
  return WEIGHTS.has(value);
}

/** Returns the penalty points of one error of the severity; throws on an id that is not a severity (a programmer error). */
export function severityWeight(severity: MqmSeverity): number {
  const weight = WEIGHTS.get(severity);
  if (weight === undefined) throw new Error(`severityWeight: "${String(severity)}" is not an MQM severity`);
  return weight;
}
