/** Every built-in product's model source. Add a product here and in content/pack.json. */
import type { ProductSource } from './types';
import { source as verleineFlapBag } from './verleine-flap-bag';
import { source as stridewellApexRunner } from './stridewell-apex-runner';
import { source as halvardMeridianDiver } from './halvard-meridian-diver';
import { source as voltriaUsbCCharger } from './voltria-usb-c-charger';
import { source as cardiolexBlisterPack } from './cardiolex-blister-pack';
import { source as aureleNo7Perfume } from './aurele-no7-perfume';
import { source as soniquePodsPro } from './sonique-pods-pro';
import { source as brambleBear } from './bramble-bear';

export const PRODUCT_SOURCES: ProductSource[] = [
  verleineFlapBag,
  stridewellApexRunner,
  halvardMeridianDiver,
  voltriaUsbCCharger,
  cardiolexBlisterPack,
  aureleNo7Perfume,
  soniquePodsPro,
  brambleBear,
];
