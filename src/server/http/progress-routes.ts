/** A signed-in user's own progress: their attempts summarised, and what to practise next. */
import type { FastifyInstance } from 'fastify';
import { tellCategoriesOf } from '../../domain/catalogue';
import { practiseNext } from '../../domain/practice';
import { summariseProgress } from '../../domain/progress';
import { SIGNED_IN } from '../../domain/roles';
import { userOf } from '../auth/access';
import type { CatalogueStore } from '../db/catalogue-store';
import type { Db } from '../db/database';
import { attemptsOf } from '../drills/attempt-rows';
import { cardsOf } from '../drills/review-cards';

export function registerProgressRoutes(app: FastifyInstance, deps: { db: Db; store: CatalogueStore }): void {
  app.get('/api/progress', { config: { access: SIGNED_IN } }, async (request) => {
    const user = userOf(request);
    const [attempts, cards, products] = await Promise.all([attemptsOf(deps.db, [user.id]), cardsOf(deps.db, user.id), deps.store.list()]);
    const catalogue = products.map(({ product }) => ({ productId: product.id, productName: product.name, categories: tellCategoriesOf(product) }));
    return summariseProgress(attempts, practiseNext(cards, catalogue, new Date(), 6));
  });
}
