import { longStories } from '../tests/triage/long-stories.js'
import { prepare } from '../src/triage/text.js'
const s = longStories().find((x) => x.kind === 'ordinary')!
const text = prepare(s.body).text
const words = ['injur','hurt','harm','damag','bruis','broke','crack','disloc','want','hospital','ambul','param','fract','flash','panic','nightm','suici','kill','overd','pills','bridge','cutt','abus','assault','touch','grop','molest','seiz','convul','stroke','faint','vomit','dizz','numb','agony','blood','bleed','trigger','traum','ptsd','memor','dissoc','shak','tremb','terror','freez','froze','crisis','breakdown','anxiety','dead','die','life','living','alive','burden','disappear','exist','wake','noose','sectioned','psych','samarit','self','myself','harass','rape','violat','consent','kiss','naked','undress','strip','pinned','restrain','stop','inappropr','sexual','grab','slap','punch','kick','shov','chok','strangl','threat','spat','push','blist','scald','burn','concuss','whiplash','nerve','paraly','vision','blind','heart','chest','breath','limp','died','killed','agon','excruc','unbear','scream','headache','migraine','baby','newborn','crying','collaps','uncon','unrea','detach','hyper','edge','fear','dark','place','numb','lost','spiral','meltdown','intrus','reliv','back','flood','resurf','brought','sick','threw','puk']
const re = new RegExp(words.join('|'), 'g')
const re2 = new RegExp('\\b(?:' + words.join('|') + ')', 'g')
for (const r of [re, re2]) {
  const f = () => { r.lastIndex = 0; let n = 0; while (r.exec(text)) n++; return n }
  for (let i = 0; i < 200; i++) f()
  const a = performance.now(); for (let i = 0; i < 1000; i++) f(); console.log(words.length, f(), ((performance.now() - a) / 1000).toFixed(3))
  const g = () => { r.lastIndex = 0; return text.replace(r, '') }
}
