/**
 * The xAPI 1.0.3 statement rules an LRS enforces (the parts Twinspect's statements touch, plus the
 * common ones), each reported with its JSON path. Used by tests and by the LRS stand-in.
 */


const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const IRI = /^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]+$/i;
const DURATION =
  /^P(?!$)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)$/;
const LANGUAGE_TAG = /^[a-z]{1,8}(-[a-z0-9]{1,8})*$/i;
const STATEMENT_KEYS = new Set(['id', 'actor', 'verb', 'object', 'result', 'context', 'timestamp', 'stored', 'authority', 'version', 'attachments']);
const IFIS = ['mbox', 'mbox_sha1sum', 'openid', 'account'] as const;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isIri = (v: unknown): v is string => typeof v === 'string' && IRI.test(v);
function isIrl(v: unknown): boolean {
  if (typeof v !== 'string' || !/^https?:\/\//i.test(v)) return false;
  try {
    new URL(v);
    return true;
  } catch {
    return false;
  }
}

/** The rule violations of a statement, each as "path: what is wrong"; empty when it is valid. */
export function validateStatement(s: unknown): string[] {
  const errors: string[] = [];
  const err = (path: string, message: string) => errors.push(`${path}: ${message}`);
  if (!isObj(s)) return ['statement: must be a JSON object'];

  for (const key of Object.keys(s)) if (!STATEMENT_KEYS.has(key)) err(key, 'is not a statement property');
  // Optional in xAPI, but Twinspect's outbox and idempotent resends depend on it.
  if (!isUuid(s.id)) err('id', `must be a UUID, got ${show(s.id)}`);
  if (s.actor === undefined) err('actor', 'is required');
  else checkActor(s.actor, 'actor', err);
  checkVerb(s.verb, err);
  checkObject(s.object, err);
  if (s.result !== undefined) checkResult(s.result, err);
  if (s.context !== undefined) checkContext(s.context, s.object, err);
  if (s.timestamp !== undefined) checkTimestamp(s.timestamp, 'timestamp', err);
  if (s.stored !== undefined) checkTimestamp(s.stored, 'stored', err);
  if (s.authority !== undefined) checkActor(s.authority, 'authority', err);
  return errors;
}

type Err = (path: string, message: string) => void;

function show(v: unknown): string {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function checkActor(actor: unknown, path: string, err: Err): void {
  if (!isObj(actor)) return err(path, 'must be an Agent or Group object');
  const type = actor.objectType ?? 'Agent';
  if (type !== 'Agent' && type !== 'Group') return err(`${path}.objectType`, `must be "Agent" or "Group", got ${show(type)}`);
  const ifis = IFIS.filter((k) => actor[k] !== undefined);
  if (type === 'Agent' && ifis.length !== 1) {
    err(path, `an Agent must have exactly one identifier (mbox, mbox_sha1sum, openid, account), has ${ifis.length}`);
  }
  if (type === 'Group') {
    if (ifis.length > 1) err(path, `a Group has at most one identifier, has ${ifis.length}`);
    if (ifis.length === 0 && (!Array.isArray(actor.member) || actor.member.length === 0)) {
      err(`${path}.member`, 'an anonymous Group must list its members');
    }
    if (Array.isArray(actor.member)) {
      actor.member.forEach((m, i) => {
        if (isObj(m) && m.objectType === 'Group') err(`${path}.member[${i}]`, 'must be an Agent, not a Group');
        else checkActor(m, `${path}.member[${i}]`, err);
      });
    }
  }
  if (actor.name !== undefined && typeof actor.name !== 'string') err(`${path}.name`, 'must be a string');
  if (actor.mbox !== undefined && !(typeof actor.mbox === 'string' && /^mailto:[^@\s]+@[^@\s]+$/.test(actor.mbox))) {
    err(`${path}.mbox`, 'must be a mailto: IRI');
  }
  if (actor.mbox_sha1sum !== undefined && !(typeof actor.mbox_sha1sum === 'string' && /^[0-9a-f]{40}$/i.test(actor.mbox_sha1sum))) {
    err(`${path}.mbox_sha1sum`, 'must be 40 hex digits');
  }
  if (actor.openid !== undefined && !isIri(actor.openid)) err(`${path}.openid`, 'must be an absolute URI');
  if (actor.account !== undefined) {
    const account = actor.account;
    if (!isObj(account)) err(`${path}.account`, 'must be an object with homePage and name');
    else {
      if (!isIrl(account.homePage)) err(`${path}.account.homePage`, `must be an IRL (absolute http(s) URL), got ${show(account.homePage)}`);
      if (typeof account.name !== 'string' || account.name === '') err(`${path}.account.name`, 'must be a non-empty string');
    }
  }
}

function checkLanguageMap(v: unknown, path: string, err: Err): void {
  if (!isObj(v)) return err(path, 'must be a language map');
  for (const [tag, text] of Object.entries(v)) {
    if (!LANGUAGE_TAG.test(tag)) err(`${path}.${tag}`, 'is not a language tag');
    if (typeof text !== 'string') err(`${path}.${tag}`, 'must be a string');
  }
}

function checkExtensions(v: unknown, path: string, err: Err): void {
  if (!isObj(v)) return err(path, 'must be an object');
  for (const key of Object.keys(v)) if (!isIri(key)) err(`${path}`, `key ${show(key)} must be an absolute IRI`);
}

function checkVerb(verb: unknown, err: Err): void {
  if (!isObj(verb)) return err('verb', 'is required (an object with an id IRI)');
  if (!isIri(verb.id)) err('verb.id', `must be an absolute IRI, got ${show(verb.id)}`);
  if (verb.display !== undefined) checkLanguageMap(verb.display, 'verb.display', err);
}

function checkActivity(activity: unknown, path: string, err: Err): void {
  if (!isObj(activity)) return err(path, 'must be an Activity object');
  if (activity.objectType !== undefined && activity.objectType !== 'Activity') err(`${path}.objectType`, 'must be "Activity"');
  if (!isIri(activity.id)) err(`${path}.id`, `must be an absolute IRI, got ${show(activity.id)}`);
  const def = activity.definition;
  if (def === undefined) return;
  if (!isObj(def)) return err(`${path}.definition`, 'must be an object');
  if (def.name !== undefined) checkLanguageMap(def.name, `${path}.definition.name`, err);
  if (def.description !== undefined) checkLanguageMap(def.description, `${path}.definition.description`, err);
  if (def.type !== undefined && !isIri(def.type)) err(`${path}.definition.type`, `must be an absolute IRI, got ${show(def.type)}`);
  if (def.moreInfo !== undefined && !isIrl(def.moreInfo)) err(`${path}.definition.moreInfo`, 'must be an IRL');
  if (def.extensions !== undefined) checkExtensions(def.extensions, `${path}.definition.extensions`, err);
}

function checkObject(object: unknown, err: Err): void {
  if (!isObj(object)) return err('object', 'is required');
  const type = object.objectType ?? 'Activity';
  if (type === 'Activity') checkActivity(object, 'object', err);
  else if (type === 'Agent' || type === 'Group') checkActor(object, 'object', err);
  else if (type === 'StatementRef') {
    if (!isUuid(object.id)) err('object.id', 'a StatementRef must name a statement by UUID');
  } else if (type === 'SubStatement') {
    for (const key of ['actor', 'verb', 'object'] as const) if (object[key] === undefined) err(`object.${key}`, 'is required in a SubStatement');
  } else err('object.objectType', `must be Activity, Agent, Group, StatementRef or SubStatement, got ${show(type)}`);
}

function checkResult(result: unknown, err: Err): void {
  if (!isObj(result)) return err('result', 'must be an object');
  const score = result.score;
  if (score !== undefined) {
    if (!isObj(score)) err('result.score', 'must be an object');
    else {
      const { scaled, raw, min, max } = score;
      for (const [k, v] of Object.entries({ scaled, raw, min, max })) {
        if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v))) err(`result.score.${k}`, 'must be a number');
      }
      const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
      if (num(scaled) && (scaled < -1 || scaled > 1)) err('result.score.scaled', `must be between -1 and 1, got ${scaled}`);
      // xAPI 1.0.3: min is "less than max".
      if (num(min) && num(max) && min >= max) err('result.score.min', `must be less than max (${max}), got ${min}`);
      if (num(raw) && num(min) && raw < min) err('result.score.raw', `must be at least min (${min}), got ${raw}`);
      if (num(raw) && num(max) && raw > max) err('result.score.raw', `must be at most max (${max}), got ${raw}`);
    }
  }
  for (const key of ['success', 'completion'] as const) {
    if (result[key] !== undefined && typeof result[key] !== 'boolean') err(`result.${key}`, 'must be true or false');
  }
  if (result.response !== undefined && typeof result.response !== 'string') err('result.response', 'must be a string');
  if (result.duration !== undefined && !(typeof result.duration === 'string' && DURATION.test(result.duration))) {
    err('result.duration', `must be an ISO 8601 duration like PT12.5S, got ${show(result.duration)}`);
  }
  if (result.extensions !== undefined) checkExtensions(result.extensions, 'result.extensions', err);
}

function checkContext(context: unknown, object: unknown, err: Err): void {
  if (!isObj(context)) return err('context', 'must be an object');
  if (context.registration !== undefined && !isUuid(context.registration)) {
    err('context.registration', `must be a UUID, got ${show(context.registration)}`);
  }
  const activities = context.contextActivities;
  if (activities !== undefined) {
    if (!isObj(activities)) err('context.contextActivities', 'must be an object');
    else {
      for (const [key, value] of Object.entries(activities)) {
        const path = `context.contextActivities.${key}`;
        if (!['parent', 'grouping', 'category', 'other'].includes(key)) err(path, 'must be parent, grouping, category or other');
        if (Array.isArray(value)) value.forEach((a, i) => checkActivity(a, `${path}[${i}]`, err));
        else checkActivity(value, path, err);
      }
    }
  }
  if (context.instructor !== undefined) checkActor(context.instructor, 'context.instructor', err);
  if (context.team !== undefined) {
    if (!isObj(context.team) || context.team.objectType !== 'Group') err('context.team', 'must be a Group');
    else checkActor(context.team, 'context.team', err);
  }
  const isActivity = isObj(object) && (object.objectType ?? 'Activity') === 'Activity';
  for (const key of ['revision', 'platform'] as const) {
    if (context[key] === undefined) continue;
    if (typeof context[key] !== 'string') err(`context.${key}`, 'must be a string');
    if (!isActivity) err(`context.${key}`, 'is only allowed when the object is an Activity');
  }
  if (context.language !== undefined && !(typeof context.language === 'string' && LANGUAGE_TAG.test(context.language))) {
    err('context.language', 'must be a language tag like en-US');
  }
  if (context.statement !== undefined) {
    if (!isObj(context.statement) || context.statement.objectType !== 'StatementRef' || !isUuid(context.statement.id)) {
      err('context.statement', 'must be a StatementRef with a UUID id');
    }
  }
  if (context.extensions !== undefined) checkExtensions(context.extensions, 'context.extensions', err);
}

function checkTimestamp(v: unknown, path: string, err: Err): void {
  if (typeof v !== 'string' || !TIMESTAMP.test(v) || Number.isNaN(Date.parse(v))) {
    return err(path, `must be an ISO 8601 date and time with a time zone, got ${show(v)}`);
  }
  if (/-00(:?00)?$/.test(v)) err(path, 'must not use the offset -00:00');
}
