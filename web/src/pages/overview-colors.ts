/**
 * The overview's chart colours for sentiment and polarity (chart fills, not text: text colours with
 * their contrast are in styles.css).
 *
 * @example
 * itemStyle: { color: COLORS.negative }
 */
export const COLORS = { positive: "#2f9e6b", neutral: "#9aa5b1", negative: "#d64545" };
