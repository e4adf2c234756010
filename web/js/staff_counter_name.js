// A counter's name as staff read it: its own, or "Counter N" in the staff language when it has
// none of its own (a counter set up without a name is stored as the English "Counter N", the
// name the file gives it: docs/SETUP.md).
import { staffSay } from './staff_language.js';

export const hasOwnName = (c) => Boolean(c.name) && c.name !== `Counter ${c.number}`;
export const counterName = (c) => (hasOwnName(c) ? c.name : staffSay('dashboard.counterNumber', { number: c.number }));
