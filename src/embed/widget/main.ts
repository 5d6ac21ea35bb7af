// Entry of the widget bundle: remembers the origin it was loaded from and defines <candor-stories>.
import { CandorStories } from './element.js'

const script = document.currentScript as HTMLScriptElement | null
if (script?.src) CandorStories.defaultApi = new URL(script.src, location.href).origin
if (!customElements.get('candor-stories')) customElements.define('candor-stories', CandorStories)
