/** The round's product name in the reader's language. */
import type { LiveStateView } from '../../domain/live-protocol';
import { parseQuestion } from '../../session/live-view';
import { localText } from '../../i18n/text';

/**
 * The room's `productName` is the catalogue's English name (one state for every reader); the round's
 * question carries the product's name in each language, so the round's product is named from it.
 * Before a round (or for another product than the question's) the room's name is all there is.
 */
export function roundProductName(state: Pick<LiveStateView, 'question' | 'productId' | 'productName'>): string {
  const question = parseQuestion(state.question);
  return question && question.product.id === state.productId ? localText(question.product.name) : state.productName;
}
