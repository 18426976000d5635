// node_modules/svelte/src/internal/shared/utils.js
var e = Array.isArray, t = Array.prototype.indexOf, n = Array.prototype.includes, r = Array.from, i = Object.defineProperty, a = Object.getOwnPropertyDescriptor, o = Object.getOwnPropertyDescriptors, s = Object.prototype, c = Array.prototype, l = Object.getPrototypeOf, u = Object.isExtensible, d = () => {};
function f(e) {
	for (var t = 0; t < e.length; t++) e[t]();
}
function p() {
	var e, t;
	return {
		promise: new Promise((n, r) => {
			e = n, t = r;
		}),
		resolve: e,
		reject: t
	};
}
function m(e, t) {
	if (Array.isArray(e)) return e;
	if (t === void 0 || !(Symbol.iterator in e)) return Array.from(e);
	let n = [];
	for (let r of e) if (n.push(r), n.length === t) break;
	return n;
}
var h = 1024, g = 2048, _ = 4096, v = 8192, y = 16384, b = 32768, x = 1 << 25, S = 65536, ee = 1 << 19, te = 1 << 20, ne = 1 << 25, re = 1 << 21, ie = 1 << 22, ae = 1 << 23, oe = Symbol("$state"), se = Symbol("component"), ce = Symbol("legacy props"), le = Symbol(""), ue = Symbol("attributes"), de = Symbol("class"), fe = Symbol("style"), pe = Symbol("text"), me = Symbol("form reset"), he = new class extends Error {
	name = "StaleReactionError";
	message = "The reaction that called `getAbortSignal()` was re-run or destroyed";
}(), ge = !!globalThis.document?.contentType && /* @__PURE__ */ globalThis.document.contentType.includes("xml"), _e = {}, C = Symbol("uninitialized"), ve = "http://www.w3.org/1999/xhtml";
function ye() {
	console.warn("https://svelte.dev/e/derived_inert");
}
function be(e) {
	console.warn("https://svelte.dev/e/hydration_mismatch");
}
function xe() {
	console.warn("https://svelte.dev/e/select_multiple_invalid_value");
}
function Se() {
	console.warn("https://svelte.dev/e/svelte_boundary_reset_noop");
}
// node_modules/svelte/src/internal/client/dom/hydration.js
var w = !1;
function Ce(e) {
	w = e;
}
var T;
function we(e) {
	if (e === null) throw be(), _e;
	return T = e;
}
function Te() {
	return we(/* @__PURE__ */ rn(T));
}
function E(e) {
	if (w) {
		if (/* @__PURE__ */ rn(T) !== null) throw be(), _e;
		T = e;
	}
}
function Ee(e = 1) {
	if (w) {
		for (var t = e, n = T; t--;) n = /* @__PURE__ */ rn(n);
		T = n;
	}
}
function De(e = !0) {
	for (var t = 0, n = T;;) {
		if (n.nodeType === 8) {
			var r = n.data;
			if (r === "]") {
				if (t === 0) return n;
				--t;
			} else (r === "[" || r === "[!" || r[0] === "[" && !isNaN(Number(r.slice(1)))) && (t += 1);
		}
		var i = /* @__PURE__ */ rn(n);
		e && n.remove(), n = i;
	}
}
function Oe(e) {
	if (!e || e.nodeType !== 8) throw be(), _e;
	return e.data;
}
// node_modules/svelte/src/internal/client/reactivity/equality.js
function ke(e) {
	return e === this.v;
}
function Ae(e, t) {
	return e == e ? e !== t || typeof e == "object" && !!e || typeof e == "function" : t == t;
}
function je(e) {
	return !Ae(e, this.v);
}
function Me(e) {
	throw Error("https://svelte.dev/e/lifecycle_outside_component");
}
// node_modules/svelte/src/internal/client/errors.js
function Ne() {
	throw Error("https://svelte.dev/e/async_derived_orphan");
}
function Pe(e, t, n) {
	throw Error("https://svelte.dev/e/each_key_duplicate");
}
function Fe(e) {
	throw Error("https://svelte.dev/e/effect_in_teardown");
}
function Ie() {
	throw Error("https://svelte.dev/e/effect_in_unowned_derived");
}
function Le(e) {
	throw Error("https://svelte.dev/e/effect_orphan");
}
function Re() {
	throw Error("https://svelte.dev/e/effect_update_depth_exceeded");
}
function ze(e) {
	throw Error("https://svelte.dev/e/props_invalid_value");
}
function Be() {
	throw Error("https://svelte.dev/e/state_descriptors_fixed");
}
function Ve() {
	throw Error("https://svelte.dev/e/state_prototype_fixed");
}
function He() {
	throw Error("https://svelte.dev/e/state_unsafe_mutation");
}
function Ue() {
	throw Error("https://svelte.dev/e/svelte_boundary_reset_onerror");
}
// node_modules/svelte/src/internal/client/context.js
var We = null;
function Ge(e) {
	We = e;
}
function D(e, t = !1, n) {
	We = {
		p: We,
		i: !1,
		c: null,
		e: null,
		s: e,
		x: null,
		r: V,
		l: null
	};
}
function O(e) {
	var t = We, n = t.e;
	if (n !== null) {
		t.e = null;
		for (var r of n) gn(r);
	}
	return e !== void 0 && (t.x = e), t.i = !0, We = t.p, Ke(e);
}
function Ke(e = {}) {
	return i(e, se, { value: !0 }), e;
}
function qe() {
	return !0;
}
// node_modules/svelte/src/internal/client/dom/task.js
var Je = [];
function Ye() {
	var e = Je;
	Je = [], f(e);
}
function Xe(e) {
	if (Je.length === 0 && !St) {
		var t = Je;
		queueMicrotask(() => {
			t === Je && Ye();
		});
	}
	Je.push(e);
}
function Ze() {
	for (; Je.length > 0;) Ye();
}
// node_modules/svelte/src/internal/client/reactivity/status.js
var Qe = ~(g | _ | h);
function k(e, t) {
	e.f = e.f & Qe | t;
}
function $e(e) {
	e.f & 512 || e.deps === null ? k(e, h) : k(e, _);
}
// node_modules/svelte/src/internal/client/reactivity/utils.js
function et(e, t) {
	e.f & 2048 ? t.set(e, g) : e.f & 4096 && t.get(e) !== 2048 && t.set(e, _), k(e, h);
}
// node_modules/svelte/src/internal/client/dom/elements/misc.js
var tt = !1;
function nt() {
	tt || (tt = !0, document.addEventListener("reset", (e) => {
		Promise.resolve().then(() => {
			if (!e.defaultPrevented) for (let t of e.target.elements) t[me]?.();
		});
	}, { capture: !0 }));
}
// node_modules/svelte/src/internal/client/dom/elements/bindings/shared.js
function rt(e) {
	var t = B, n = V;
	zn(null), Bn(null);
	try {
		return e();
	} finally {
		zn(t), Bn(n);
	}
}
function it(e, t, n, r = n) {
	e.addEventListener(t, () => rt(n));
	let i = e[me];
	e[me] = i ? () => {
		i(), r(!0);
	} : () => r(!0), nt();
}
// node_modules/svelte/src/internal/client/reactivity/async.js
function at(e, t, n, r) {
	let i = qe() ? lt : ft;
	var a = e.filter((e) => !e.settled), o = t.map(i);
	if (n.length === 0 && a.length === 0) {
		r(o);
		return;
	}
	var s = V, c = ot(), l = a.length === 1 ? a[0].promise : a.length > 1 ? Promise.all(a.map((e) => e.promise)) : null;
	function u(e) {
		if (!(s.f & 16384)) {
			c();
			try {
				r([...o, ...e]);
			} catch (e) {
				un(e, s);
			}
			st();
		}
	}
	var d = ct();
	if (n.length === 0) {
		l.then(() => u([])).finally(d);
		return;
	}
	function f() {
		Promise.all(n.map((e) => /* @__PURE__ */ dt(e))).then(u).catch((e) => un(e, s)).finally(d);
	}
	l ? l.then(() => {
		s.f & 16384 ? d() : (c(), f(), st());
	}) : f();
}
function ot() {
	var e = V, t = B, n = We, r = j;
	return function(i = !0) {
		Bn(e), zn(t), Ge(n), i && !(e.f & 16384) && (r?.activate(), r?.apply());
	};
}
function st(e = !0) {
	Bn(null), zn(null), Ge(null), e && j?.deactivate();
}
function ct() {
	var e = V, t = e.b, n = j, r = !!t?.is_rendered();
	return t?.update_pending_count(1, n), n.increment(r, e), () => {
		t?.update_pending_count(-1, n), n.decrement(r, e);
	};
}
/*#__NO_SIDE_EFFECTS__*/
function lt(e) {
	var t = 2 | g;
	return V !== null && (V.f |= ee), {
		ctx: We,
		deps: null,
		effects: null,
		equals: ke,
		f: t,
		fn: e,
		reactions: null,
		rv: 0,
		v: C,
		wv: 0,
		parent: V,
		ac: null
	};
}
var ut = Symbol("obsolete");
/*#__NO_SIDE_EFFECTS__*/
function dt(e, t, n) {
	let r = V;
	r === null && Ne();
	var i = void 0, a = zt(C), o = !B, s = /* @__PURE__ */ new Set();
	return bn(() => {
		var t = V, n = p();
		i = n.promise;
		try {
			Promise.resolve(e()).then(n.resolve, (e) => {
				e !== he && n.reject(e);
			}).finally(st);
		} catch (e) {
			n.reject(e), st();
		}
		var c = j;
		if (o) {
			if (t.f & 32768) var l = ct();
			if (r.b?.is_rendered()) c.async_deriveds.get(t)?.reject(ut);
			else for (let e of s.values()) e.reject(ut);
			s.add(n), c.async_deriveds.set(t, n);
		}
		let u = (e, t = void 0) => {
			l?.(), s.delete(n), t !== ut && (c.activate(), t ? (a.f |= ae, Ut(a, t)) : (a.f & 8388608 && (a.f ^= ae), Ut(a, e)), c.deactivate());
		};
		n.promise.then(u, (e) => u(null, e || "unknown"));
	}), hn(() => {
		for (let e of s) e.reject(ut);
	}), new Promise((e) => {
		function t(n) {
			function r() {
				n === i ? e(a) : t(i);
			}
			n.then(r, r);
		}
		t(i);
	});
}
/*#__NO_SIDE_EFFECTS__*/
function A(e) {
	let t = /* @__PURE__ */ lt(e);
	return Hn(t), t;
}
/*#__NO_SIDE_EFFECTS__*/
function ft(e) {
	let t = /* @__PURE__ */ lt(e);
	return t.equals = je, t;
}
function pt(e) {
	var t = e.effects;
	if (t !== null) {
		e.effects = null;
		for (var n = 0; n < t.length; n += 1) Dn(t[n]);
	}
}
function mt(e) {
	var t, n = V, r = e.parent;
	if (!In && r !== null && e.v !== C && r.f & 24576) return ye(), e.v;
	Bn(r);
	try {
		pt(e), t = er(e);
	} finally {
		Bn(n);
	}
	return t;
}
function ht(e) {
	var t = mt(e);
	!e.equals(t) && (e.wv = Zn(), (!j?.is_fork || e.deps === null) && (j === null ? e.v = t : (j.capture(e, t, !0), yt?.capture(e, t, !0)), e.deps === null)) ? k(e, h) : In || (bt === null ? $e(e) : (mn() || j?.is_fork) && bt.set(e, t));
}
function gt(e) {
	if (e.effects !== null) for (let t of e.effects) (t.teardown || t.ac) && (t.teardown?.(), t.ac !== null && rt(() => {
		t.ac.abort(he), t.ac = null;
	}), t.fn !== null && (t.teardown = d), rr(t, 0), Tn(t));
}
function _t(e) {
	if (e.effects !== null) for (let t of e.effects) t.teardown && t.fn !== null && ir(t);
}
// node_modules/svelte/src/internal/client/reactivity/batch.js
var vt = null, j = null, yt = null, bt = null, xt = null, St = !1, Ct = !1, wt = null, Tt = null, Et = 0, Dt = 1, Ot = class e {
	id = Dt++;
	started = !1;
	linked = !0;
	prev = null;
	next = null;
	async_deriveds = /* @__PURE__ */ new Map();
	current = /* @__PURE__ */ new Map();
	previous = /* @__PURE__ */ new Map();
	#e = /* @__PURE__ */ new Set();
	#t = /* @__PURE__ */ new Set();
	#n = 0;
	#r = /* @__PURE__ */ new Map();
	#i = null;
	#a = [];
	#o = [];
	#s = /* @__PURE__ */ new Map();
	#c = /* @__PURE__ */ new Map();
	#l = /* @__PURE__ */ new Set();
	is_fork = !1;
	#u = !1;
	constructor() {
		vt === null ? vt = this : (vt.next = this, this.prev = vt), vt = this;
	}
	#d() {
		if (this.is_fork) return !0;
		for (let e of this.#r.keys()) if (!this.#f(e)) return !0;
		return !1;
	}
	#f(e) {
		for (var t = e; t !== null; t = t.parent) if (this.#c.has(t)) return !0;
		return !1;
	}
	skip_effect(e) {
		this.#c.has(e) || this.#c.set(e, {
			d: [],
			m: []
		}), this.#l.delete(e);
	}
	unskip_effect(e, t = (e) => this.schedule(e)) {
		var n = this.#c.get(e);
		if (n) {
			this.#c.delete(e);
			for (var r of n.d) k(r, g), t(r);
			for (r of n.m) k(r, _), t(r);
		}
		this.#l.add(e);
	}
	#p() {
		var e = [];
		for (let i of this.#a) if (!(i.f & 16384 || !(i.f & 6144))) {
			for (var t = i, n = !1; t.parent !== null;) {
				t = t.parent;
				var r = t.f;
				if (r & 96) {
					if (!(r & 1024)) {
						n = !0;
						break;
					}
					t.f ^= h;
				}
			}
			n || e.push(t);
		}
		return this.#a = [], e;
	}
	#m() {
		this.started = !0;
		for (let [e, t] of this.#s) k(e, t), this.schedule(e);
		this.apply();
		for (var t = wt = [], n = [], r = Tt = []; this.#a.length > 0;) {
			Et++ > 1e3 && (this.#b(), At());
			for (let e of this.#p()) try {
				this.#h(e, t, n);
			} catch (t) {
				throw Ft(e), this.#d() || this.discard(), t;
			}
		}
		if (j = null, r.length > 0) {
			var i = e.ensure();
			for (let e of r) i.schedule(e);
		}
		if (wt = null, Tt = null, this.#d()) {
			this.#y(n), this.#y(t);
			for (let [e, t] of this.#c) Pt(e, t);
			r.length > 0 && j.#m();
			return;
		}
		let a = this.#g();
		if (a) this.#y(n), this.#y(t), a.#v(this);
		else {
			this.#s.clear();
			for (let e of this.#e) e(this);
			this.#e.clear(), yt = this, Mt(n), Mt(t), yt = null, this.#i?.resolve();
			var o = j;
			this.#n === 0 && (this.#a.length === 0 || o !== null) && this.#b(), o !== null && (Lt.clear(), o.#m());
		}
	}
	#h(e, t, n) {
		e.f ^= h;
		for (var r = e.first; r !== null;) {
			var i = r.f, a = !!(i & 96);
			if (!(a && i & 1024 || i & 8192 || this.#c.has(r)) && r.fn !== null) {
				a ? r.f ^= h : i & 4 ? t.push(r) : Qn(r) && (i & 16 && this.add_dirty_reaction(r, _), ir(r));
				var o = r.first;
				if (o !== null) {
					r = o;
					continue;
				}
			}
			for (; r !== null;) {
				var s = r.next;
				if (s !== null) {
					r = s;
					break;
				}
				r = r.parent;
			}
		}
	}
	#g() {
		for (var e = this.prev; e !== null; e = e.prev) if (!e.is_fork && this.#_(e)) return e;
		return null;
	}
	#_(e) {
		for (let [t, [, n]] of this.current) if (!n && e.current.has(t)) return !0;
		return !1;
	}
	#v(e) {
		for (let [t, n] of e.current) !this.previous.has(t) && e.previous.has(t) && this.previous.set(t, e.previous.get(t)), this.current.set(t, n);
		for (let [t, n] of e.async_deriveds) {
			let e = this.async_deriveds.get(t);
			e && n.promise.then(e.resolve).catch(e.reject);
		}
		e.async_deriveds.clear(), this.transfer_reactions(e.#s);
		let t = (e) => {
			var n = e.reactions;
			if (n !== null && !(e.f & 2 && !(e.f & 6144))) for (let e of n) {
				var r = e.f;
				if (r & 2) t(e);
				else {
					var i = e;
					r & 4194320 && !this.async_deriveds.has(i) && (this.#s.delete(i), k(i, g), this.schedule(i));
				}
			}
		};
		for (let e of this.current.keys()) t(e);
		this.oncommit(() => e.discard()), e.#b(), j = this, this.#m();
	}
	#y(e) {
		for (var t = 0; t < e.length; t += 1) et(e[t], this.#s);
	}
	capture(e, t, n = !1) {
		e.v !== C && !this.previous.has(e) && this.previous.set(e, e.v), e.f & 8388608 || (this.current.set(e, [t, n]), bt?.set(e, t)), this.is_fork || (e.v = t);
	}
	activate() {
		j = this;
	}
	deactivate() {
		j = null, bt = null;
	}
	flush() {
		try {
			Ct = !0, j = this, this.#m();
		} finally {
			Et = 0, xt = null, wt = null, Tt = null, Ct = !1, j = null, bt = null, Lt.clear();
		}
	}
	discard() {
		for (let e of this.#t) e(this);
		this.#t.clear();
		for (let e of this.async_deriveds.values()) e.reject(ut);
		this.#b(), this.#i?.resolve();
	}
	register_created_effect(e) {
		this.#o.push(e);
	}
	increment(e, t) {
		if (this.#n += 1, e) {
			let e = this.#r.get(t) ?? 0;
			this.#r.set(t, e + 1);
		}
	}
	decrement(e, t) {
		if (--this.#n, e) {
			let e = this.#r.get(t) ?? 0;
			e === 1 ? this.#r.delete(t) : this.#r.set(t, e - 1);
		}
		this.#u || (this.#u = !0, Xe(() => {
			this.#u = !1, this.linked && this.flush();
		}));
	}
	transfer_reactions(e) {
		for (let [t, n] of e) this.add_dirty_reaction(t, n);
		e.clear();
	}
	add_dirty_reaction(e, t) {
		(t === 2048 || this.#s.get(e) !== 2048) && this.#s.set(e, t);
	}
	oncommit(e) {
		this.#e.add(e);
	}
	ondiscard(e) {
		this.#t.add(e);
	}
	settled() {
		return (this.#i ??= p()).promise;
	}
	static ensure() {
		if (j === null) {
			let t = j = new e();
			!Ct && !St && Xe(() => {
				t.started || t.flush();
			});
		}
		return j;
	}
	apply() {
		bt = null;
	}
	schedule(e) {
		xt = e, e.b?.is_pending && e.f & 16777228 && !(e.f & 32768) ? e.b.defer_effect(e) : this.#a.push(e);
	}
	#b() {
		if (this.linked) {
			var e = this.prev, t = this.next;
			e === null || (e.next = t), t === null ? vt = e : t.prev = e, this.linked = !1;
		}
	}
};
function kt(e) {
	var t = St, n = yt;
	yt = null, St = !0;
	try {
		var r;
		for (e && (kt(), r = e());;) {
			if (Ze(), j === null) return r;
			j.flush();
		}
	} finally {
		St = t, yt = n;
	}
}
function At() {
	try {
		Re();
	} catch (e) {
		un(e, xt);
	}
}
var jt = null;
function Mt(e) {
	var t = e.length;
	if (t !== 0) {
		for (var n = 0; n < t;) {
			var r = e[n++];
			if (!(r.f & 24576) && Qn(r) && (jt = /* @__PURE__ */ new Set(), ir(r), r.deps === null && r.first === null && r.nodes === null && r.teardown === null && r.ac === null && kn(r), jt?.size > 0)) {
				Lt.clear();
				for (let e of jt) {
					if (e.f & 24576) continue;
					let t = [e], n = e.parent;
					for (; n !== null;) jt.has(n) && (jt.delete(n), t.push(n)), n = n.parent;
					for (let e = t.length - 1; e >= 0; e--) {
						let n = t[e];
						n.f & 24576 || ir(n);
					}
				}
				jt.clear();
			}
		}
		jt = null;
	}
}
function Nt(e) {
	j.schedule(e);
}
function Pt(e, t) {
	if (!(e.f & 32 && e.f & 1024)) {
		e.f & 2048 ? t.d.push(e) : e.f & 4096 && t.m.push(e), k(e, h);
		for (var n = e.first; n !== null;) Pt(n, t), n = n.next;
	}
}
function Ft(e) {
	k(e, h);
	for (var t = e.first; t !== null;) Ft(t), t = t.next;
}
// node_modules/svelte/src/internal/client/reactivity/sources.js
var It = /* @__PURE__ */ new Set(), Lt = /* @__PURE__ */ new Map(), Rt = !1;
function zt(e, t) {
	return {
		f: 0,
		v: e,
		reactions: null,
		equals: ke,
		rv: 0,
		wv: 0
	};
}
/*#__NO_SIDE_EFFECTS__*/
function M(e, t) {
	let n = zt(e, t);
	return Hn(n), n;
}
/*#__NO_SIDE_EFFECTS__*/
function Bt(e, t = !1, n = !0) {
	let r = zt(e);
	return t || (r.equals = je), r;
}
function N(e, t, n = !1) {
	return B !== null && (!Rn || B.f & 131072) && qe() && B.f & 4325394 && (Vn === null || !Vn.has(e)) && He(), Ut(e, n ? qt(t) : t, Tt);
}
var Vt = null, Ht = 0;
function Ut(e, t, n = null) {
	if (!e.equals(t)) {
		In ? Lt.set(e, t) : Lt.has(e) || Lt.set(e, e.v);
		var r = Ot.ensure();
		if (r.capture(e, t), e.f & 2) {
			let t = e;
			e.f & 2048 && mt(t), bt === null && $e(t);
		}
		e.wv = Zn(), Vt = null, Ht = 0, Kt(e, g, n), Vt = null, qe() && V !== null && V.f & 1024 && !(V.f & 96) && (Gn === null ? Kn([e]) : Gn.push(e)), !r.is_fork && It.size > 0 && !Rt && Wt();
	}
	return t;
}
function Wt() {
	Rt = !1;
	for (let e of It) {
		e.f & 1024 && k(e, _);
		let t;
		try {
			t = Qn(e);
		} catch {
			t = !0;
		}
		t && ir(e);
	}
	It.clear();
}
function Gt(e) {
	N(e, e.v + 1);
}
function Kt(e, t, n) {
	var r = e.reactions;
	if (r !== null) {
		var i = qe(), a = r.length;
		if (Ht += a, Ht > 1e5 && Vt === null && (Vt = /* @__PURE__ */ new Set()), Vt !== null) {
			if (Vt.has(e)) return;
			Vt.add(e);
		}
		for (var o = 0; o < a; o++) {
			var s = r[o], c = s.f;
			if (i || s !== V) {
				var l = (c & g) === 0;
				if (l && k(s, t), c & 131072) It.add(s);
				else if (c & 2) {
					var u = s;
					bt?.delete(u), Kt(u, _, n);
				} else if (l) {
					var d = s;
					c & 16 && jt !== null && jt.add(d), n === null ? Nt(d) : n.push(d);
				}
			}
		}
	}
}
function qt(t) {
	if (typeof t != "object" || !t || oe in t || se in t) return t;
	let n = l(t);
	if (n !== s && n !== c) return t;
	var r = /* @__PURE__ */ new Map(), i = e(t), o = /* @__PURE__ */ M(0), u = null, d = Yn, f = (e) => {
		if (Yn === d) return e();
		var t = B, n = Yn;
		zn(null), Xn(d);
		var r = e();
		return zn(t), Xn(n), r;
	};
	return i && r.set("length", /* @__PURE__ */ M(t.length, u)), new Proxy(t, {
		defineProperty(e, t, n) {
			"value" in n && n.configurable !== !1 && n.enumerable !== !1 && n.writable !== !1 || Be();
			var i = r.get(t);
			return i === void 0 ? f(() => {
				var e = /* @__PURE__ */ M(n.value, u);
				return r.set(t, e), e;
			}) : N(i, n.value, !0), !0;
		},
		deleteProperty(e, t) {
			var n = r.get(t);
			if (n === void 0) {
				if (t in e) {
					let e = f(() => /* @__PURE__ */ M(C, u));
					r.set(t, e), Gt(o);
				}
			} else N(n, C), Gt(o);
			return !0;
		},
		get(e, n, i) {
			if (n === oe) return t;
			var o = r.get(n), s = n in e;
			if (o === void 0 && (!s || a(e, n)?.writable) && (o = f(() => /* @__PURE__ */ M(qt(s ? e[n] : C), u)), r.set(n, o)), o !== void 0) {
				var c = H(o);
				return c === C ? void 0 : c;
			}
			return Reflect.get(e, n, i);
		},
		getOwnPropertyDescriptor(e, t) {
			this.has?.(e, t);
			var n = Reflect.getOwnPropertyDescriptor(e, t), i = r.get(t);
			if (i !== void 0) {
				var a = H(i);
				if (a === C) return;
				if (n && "value" in n) n.value = a;
				else return {
					enumerable: !0,
					configurable: !0,
					value: a,
					writable: !0
				};
			}
			return n;
		},
		has(e, t) {
			if (t === oe) return !0;
			var n = r.get(t), i = n !== void 0 && n.v !== C || Reflect.has(e, t);
			return (n !== void 0 || (V !== null || B !== null) && (!i || a(e, t)?.writable)) && (n === void 0 && (n = f(() => /* @__PURE__ */ M(i ? qt(e[t]) : C, u)), r.set(t, n)), H(n) === C) ? !1 : i;
		},
		set(e, t, n, s) {
			var c = r.get(t), l = t in e;
			if (i && t === "length") for (var d = n; d < c.v; d += 1) {
				var p = r.get(d + "");
				p === void 0 ? d in e && (p = f(() => /* @__PURE__ */ M(C, u)), r.set(d + "", p)) : N(p, C);
			}
			if (c === void 0) (!l || a(e, t)?.writable) && (c = f(() => /* @__PURE__ */ M(void 0, u)), N(c, qt(n)), r.set(t, c));
			else {
				l = c.v !== C;
				var m = f(() => qt(n));
				N(c, m);
			}
			var h = Reflect.getOwnPropertyDescriptor(e, t);
			if (h?.set && h.set.call(s, n), !l) {
				if (i && typeof t == "string") {
					var g = r.get("length"), _ = Number(t);
					Number.isInteger(_) && _ >= g.v && N(g, _ + 1);
				}
				Gt(o);
			}
			return !0;
		},
		ownKeys(e) {
			H(o);
			var t = Reflect.ownKeys(e).filter((e) => {
				var t = r.get(e);
				return t === void 0 || t.v !== C;
			});
			for (var [n, i] of r) i.v !== C && !(n in e) && t.push(n);
			return t;
		},
		setPrototypeOf() {
			Ve();
		}
	});
}
function Jt(e) {
	try {
		if (typeof e == "object" && e && oe in e) return e[oe];
	} catch {}
	return e;
}
function Yt(e, t) {
	return Object.is(Jt(e), Jt(t));
}
var Xt, Zt, Qt, $t;
function en() {
	if (Xt === void 0) {
		Xt = window, Zt = /Firefox/.test(navigator.userAgent);
		var e = Element.prototype, t = Node.prototype, n = Text.prototype;
		Qt = a(t, "firstChild").get, $t = a(t, "nextSibling").get, u(e) && (e[de] = void 0, e[ue] = null, e[fe] = void 0, e.__e = void 0), u(n) && (n[pe] = void 0);
	}
}
function tn(e = "") {
	return document.createTextNode(e);
}
/*@__NO_SIDE_EFFECTS__*/
function nn(e) {
	return Qt.call(e);
}
/*@__NO_SIDE_EFFECTS__*/
function rn(e) {
	return $t.call(e);
}
function P(e, t) {
	if (!w) return /* @__PURE__ */ nn(e);
	var n = /* @__PURE__ */ nn(T);
	if (n === null) n = T.appendChild(tn());
	else if (t && n.nodeType !== 3) {
		var r = tn();
		return n?.before(r), we(r), r;
	}
	return t && cn(n), we(n), n;
}
function F(e, t = !1) {
	if (!w) {
		var n = /* @__PURE__ */ nn(e);
		return n instanceof Comment && n.data === "" ? /* @__PURE__ */ rn(n) : n;
	}
	if (t) {
		if (T?.nodeType !== 3) {
			var r = tn();
			return T?.before(r), we(r), r;
		}
		cn(T);
	}
	return T;
}
function I(e, t = !1) {
	if (!w) return /* @__PURE__ */ nn(e);
	var n = P(e, t);
	return E(e), n;
}
function L(e, t = 1, n = !1) {
	let r = w ? T : e;
	for (var i; t--;) i = r, r = /* @__PURE__ */ rn(r);
	if (!w) return r;
	if (n) {
		if (r?.nodeType !== 3) {
			var a = tn();
			return r === null ? i?.after(a) : r.before(a), we(a), a;
		}
		cn(r);
	}
	return we(r), r;
}
function an(e) {
	e.textContent = "";
}
function on() {
	return !1;
}
function sn(e, t, n) {
	return t == null || t === "http://www.w3.org/1999/xhtml" ? n ? document.createElement(e, { is: n }) : document.createElement(e) : n ? document.createElementNS(t, e, { is: n }) : document.createElementNS(t, e);
}
function cn(e) {
	if (e.nodeValue.length < 65536) return;
	let t = e.nextSibling;
	for (; t !== null && t.nodeType === 3;) t.remove(), e.nodeValue += t.nodeValue, t = e.nextSibling;
}
function ln(e) {
	var t = V;
	if (t === null) return B.f |= ae, e;
	if (!(t.f & 32768) && !(t.f & 4)) throw e;
	un(e, t);
}
function un(e, t) {
	if (e === _e) throw e;
	if (!(t !== null && t.f & 16384)) {
		for (; t !== null;) {
			if (t.f & 128 && !(t.f & 33570816)) {
				if (!(t.f & 32768)) throw e;
				try {
					t.b.error(e);
					return;
				} catch (t) {
					e = t;
				}
			}
			t = t.parent;
		}
		throw e;
	}
}
// node_modules/svelte/src/internal/client/reactivity/effects.js
function dn(e) {
	V === null && (B === null && Le(e), Ie()), In && Fe(e);
}
function fn(e, t) {
	var n = t.last;
	n === null ? t.last = t.first = e : (n.next = e, e.prev = n, t.last = e);
}
function pn(e, t) {
	var n = V;
	n !== null && n.f & 8192 && (e |= v);
	var r = {
		ctx: We,
		deps: null,
		nodes: null,
		f: e | g | 512,
		first: null,
		fn: t,
		last: null,
		next: null,
		parent: n,
		b: n && n.b,
		prev: null,
		teardown: null,
		wv: 0,
		ac: null
	};
	j?.register_created_effect(r);
	var i = r;
	if (e & 4) wt === null ? Ot.ensure().schedule(r) : wt.push(r);
	else if (t !== null) {
		try {
			ir(r);
		} catch (e) {
			throw Dn(r), e;
		}
		i.deps === null && i.teardown === null && i.nodes === null && i.first === i.last && !(i.f & 524288) && (i = i.first, e & 16 && e & 65536 && i !== null && (i.f |= S));
	}
	if (i !== null && (i.parent = n, n !== null && fn(i, n), B !== null && B.f & 2 && !(e & 64))) {
		var a = B;
		(a.effects ??= []).push(i);
	}
	return r;
}
function mn() {
	return B !== null && !Rn;
}
function hn(e) {
	let t = pn(8, null);
	return k(t, h), t.teardown = e, t;
}
function R(e) {
	dn("$effect");
	var t = V.f;
	if (!B && t & 32 && We !== null && !We.i) {
		var n = We;
		(n.e ??= []).push(e);
	} else return gn(e);
}
function gn(e) {
	return pn(4 | te, e);
}
function _n(e) {
	Ot.ensure();
	let t = pn(64 | ee, e);
	return () => {
		Dn(t);
	};
}
function vn(e) {
	Ot.ensure();
	let t = pn(64 | ee, e);
	return (e = {}) => new Promise((n) => {
		e.outro ? An(t, () => {
			Dn(t), n(void 0);
		}) : (Dn(t), n(void 0));
	});
}
function yn(e) {
	return pn(4, e);
}
function bn(e) {
	return pn(ie | ee, e);
}
function xn(e, t = 0) {
	return pn(8 | t, e);
}
function z(e, t = [], n = [], r = []) {
	at(r, t, n, (t) => {
		pn(8, () => {
			e(...t.map(H));
		});
	});
}
function Sn(e, t = 0) {
	return pn(16 | t, e);
}
function Cn(e) {
	return pn(32 | ee, e);
}
function wn(e) {
	var t = e.teardown;
	if (t !== null) {
		let n = In, r = B;
		Ln(!0), zn(null);
		try {
			t.call(null);
		} catch (t) {
			un(t, e.parent);
		} finally {
			Ln(n), zn(r);
		}
	}
}
function Tn(e, t = !1) {
	var n = e.first;
	for (e.first = e.last = null; n !== null;) {
		let e = n.ac;
		e !== null && rt(() => {
			e.abort(he);
		});
		var r = n.next;
		n.f & 64 ? n.parent = null : Dn(n, t), n = r;
	}
}
function En(e) {
	for (var t = e.first; t !== null;) {
		var n = t.next;
		t.f & 32 || Dn(t), t = n;
	}
}
function Dn(e, t = !0) {
	var n = !1;
	(t || e.f & 262144) && e.nodes !== null && e.nodes.end !== null && (On(e.nodes.start, e.nodes.end), n = !0), e.f |= x, Tn(e, t && !n), rr(e, 0);
	var r = e.nodes && e.nodes.t;
	if (r !== null) for (let e of r) e.stop();
	wn(e), e.f ^= x, e.f |= y;
	var i = e.parent;
	i !== null && i.first !== null && kn(e), e.next = e.prev = e.teardown = e.ctx = e.deps = e.fn = e.nodes = e.ac = e.b = null;
}
function On(e, t) {
	for (; e !== null;) {
		var n = e === t ? null : /* @__PURE__ */ rn(e);
		e.remove(), e = n;
	}
}
function kn(e) {
	var t = e.parent, n = e.prev, r = e.next;
	n !== null && (n.next = r), r !== null && (r.prev = n), t !== null && (t.first === e && (t.first = r), t.last === e && (t.last = n));
}
function An(e, t, n = !0) {
	var r = [];
	e.f |= 256, jn(e, r, !0);
	var i = () => {
		n && Dn(e), t && t();
	}, a = r.length;
	if (a > 0) {
		var o = () => --a || i();
		for (var s of r) s.out(o);
	} else i();
}
function jn(e, t, n) {
	if (!(e.f & 8192)) {
		e.f ^= v;
		var r = e.nodes && e.nodes.t;
		if (r !== null) for (let e of r) (e.is_global || n) && t.push(e);
		for (var i = e.first; i !== null;) {
			var a = i.next;
			if (!(i.f & 64)) {
				var o = !!(i.f & 65536) || !!(i.f & 32) && !!(e.f & 16);
				jn(i, t, o ? n : !1);
			}
			i = a;
		}
	}
}
function Mn(e) {
	e.f &= -257, Nn(e, !0);
}
function Nn(e, t) {
	if (!(e.f & 256) && e.f & 8192) {
		e.f ^= v, e.f & 1024 || (k(e, g), Ot.ensure().schedule(e));
		for (var n = e.first; n !== null;) {
			var r = n.next, i = !!(n.f & 65536) || !!(n.f & 32);
			Nn(n, i ? t : !1), n = r;
		}
		var a = e.nodes && e.nodes.t;
		if (a !== null) for (let e of a) (e.is_global || t) && e.in();
	}
}
function Pn(e, t) {
	if (e.nodes) for (var n = e.nodes.start, r = e.nodes.end; n !== null;) {
		var i = n === r ? null : /* @__PURE__ */ rn(n);
		t.append(n), n = i;
	}
}
// node_modules/svelte/src/internal/client/legacy.js
var Fn = null, In = !1;
function Ln(e) {
	In = e;
}
var B = null, Rn = !1;
function zn(e) {
	B = e;
}
var V = null;
function Bn(e) {
	V = e;
}
var Vn = null;
function Hn(e) {
	B !== null && (B.f & 2097152 || B.f & 2) && (Vn ??= /* @__PURE__ */ new Set()).add(e);
}
var Un = null, Wn = 0, Gn = null;
function Kn(e) {
	Gn = e;
}
var qn = 1, Jn = 0, Yn = Jn;
function Xn(e) {
	Yn = e;
}
function Zn() {
	return ++qn;
}
function Qn(e) {
	var t = e.f;
	if (t & 2048) return !0;
	if (t & 4096) {
		for (var n = e.deps, r = n.length, i = 0; i < r; i++) {
			var a = n[i];
			if (Qn(a) && ht(a), a.wv > e.wv) return !0;
		}
		t & 512 && bt === null && k(e, h);
	}
	return !1;
}
function $n(e, t, n = !0) {
	var r = e.reactions;
	if (r !== null && !(Vn !== null && Vn.has(e))) for (var i = 0; i < r.length; i++) {
		var a = r[i];
		a.f & 2 ? $n(a, t, !1) : t === a && (n ? k(a, g) : a.f & 1024 && k(a, _), Nt(a));
	}
}
function er(e) {
	var t = Un, n = Wn, r = Gn, i = B, a = Vn, o = We, s = Rn, c = Yn, l = e.f;
	Un = null, Wn = 0, Gn = null, B = l & 96 ? null : e, Vn = null, Ge(e.ctx), Rn = !1, Yn = ++Jn, e.ac !== null && (rt(() => {
		e.ac.abort(he);
	}), e.ac = null);
	try {
		e.f |= re;
		var u = e.fn, d = u();
		e.f |= b;
		var f = tr(e);
		if (qe() && Gn !== null && !Rn && f !== null && !(e.f & 6146)) for (var p = 0; p < Gn.length; p++) $n(Gn[p], e);
		if (i !== null && i !== e) {
			if (Jn++, i.deps !== null) for (let e = 0; e < n; e += 1) i.deps[e].rv = Jn;
			if (t !== null) for (let e of t) e.rv = Jn;
			Gn !== null && (r === null ? r = Gn : r.push(...Gn));
		}
		return e.f & 8388608 && (e.f ^= ae), d;
	} catch (t) {
		return tr(e), ln(t);
	} finally {
		e.f ^= re, Un = t, Wn = n, Gn = r, B = i, Vn = a, Ge(o), Rn = s, Yn = c;
	}
}
function tr(e) {
	var t = e.deps, n = j?.is_fork;
	if (Un !== null) {
		var r;
		if (n || rr(e, Wn), t !== null && Wn > 0) for (t.length = Wn + Un.length, r = 0; r < Un.length; r++) t[Wn + r] = Un[r];
		else e.deps = t = Un;
		if (mn() && e.f & 512) for (r = Wn; r < t.length; r++) (t[r].reactions ??= []).push(e);
	} else !n && t !== null && Wn < t.length && (rr(e, Wn), t.length = Wn);
	return t;
}
function nr(e, r) {
	let i = r.reactions;
	if (i !== null) {
		var a = t.call(i, e);
		if (a !== -1) {
			var o = i.length - 1;
			o === 0 ? i = r.reactions = null : (i[a] = i[o], i.pop());
		}
	}
	if (i === null && r.f & 2 && (Un === null || !n.call(Un, r))) {
		var s = r;
		s.f & 512 && (s.f ^= 512), s.v !== C && $e(s), s.ac !== null && rt(() => {
			s.ac.abort(he), s.ac = null, k(s, g);
		}), gt(s), rr(s, 0);
	}
}
function rr(e, t) {
	var n = e.deps;
	if (n !== null) for (var r = t; r < n.length; r++) nr(e, n[r]);
}
function ir(e) {
	var t = e.f;
	if (!(t & 16384)) {
		k(e, h);
		var n = V;
		V = e;
		try {
			t & 16777232 ? En(e) : Tn(e), wn(e);
			var r = er(e);
			e.teardown = typeof r == "function" ? r : null, e.wv = qn;
		} finally {
			V = n;
		}
	}
}
async function ar() {
	await Promise.resolve(), kt();
}
function H(e) {
	var t = !!(e.f & 2);
	if (Fn?.add(e), B !== null && !Rn && !(V !== null && V.f & 16384) && (Vn === null || !Vn.has(e))) {
		var r = B.deps;
		if (B.f & 2097152) e.rv < Jn && (e.rv = Jn, Un === null && r !== null && r[Wn] === e ? Wn++ : Un === null ? Un = [e] : Un.push(e));
		else {
			B.deps ??= [], n.call(B.deps, e) || B.deps.push(e);
			var i = e.reactions;
			i === null ? e.reactions = [B] : n.call(i, B) || i.push(B);
		}
	}
	if (In && Lt.has(e)) return Lt.get(e);
	if (t) {
		var a = e;
		if (In) {
			var o = a.v;
			return (!(a.f & 1024) && a.reactions !== null || sr(a)) && (o = mt(a)), Lt.set(a, o), o;
		}
		var s = !(a.f & 512) && !Rn && B !== null && !!(B.f & 512), c = (a.f & b) === 0;
		Qn(a) && (s && (a.f |= 512), ht(a)), s && !c && (_t(a), or(a));
	}
	if (bt?.has(e)) return bt.get(e);
	if (e.f & 8388608) throw e.v;
	return e.v;
}
function or(e) {
	if (e.f |= 512, e.deps !== null) for (let r of e.deps) {
		var t = r.reactions;
		t === null ? r.reactions = [e] : n.call(t, e) || t.push(e), r.f & 2 && !(r.f & 512) && (_t(r), or(r));
	}
}
function sr(e) {
	if (e.v === C) return !0;
	if (e.deps === null) return !1;
	for (let t of e.deps) if (Lt.has(t) || t.f & 2 && sr(t)) return !0;
	return !1;
}
function U(e) {
	var t = Rn;
	try {
		return Rn = !0, e();
	} finally {
		Rn = t;
	}
}
[.../* @__PURE__ */ "allowfullscreen.async.autofocus.autoplay.checked.controls.default.disabled.formnovalidate.indeterminate.inert.ismap.loop.multiple.muted.nomodule.novalidate.open.playsinline.readonly.required.reversed.seamless.selected.webkitdirectory.defer.disablepictureinpicture.disableremoteplayback".split(".")];
var cr = ["touchstart", "touchmove"];
function lr(e) {
	return cr.includes(e);
}
// node_modules/svelte/src/internal/client/dev/css.js
var ur = Symbol("events"), dr = /* @__PURE__ */ new Set(), fr = /* @__PURE__ */ new Set();
function pr(e, t, n, r = {}) {
	function i(e) {
		if (r.capture || vr.call(t, e), !e.cancelBubble) return rt(() => n?.call(this, e));
	}
	return e.startsWith("pointer") || e.startsWith("touch") || e === "wheel" ? (i.__removed = !1, Xe(() => {
		i.__removed || t.addEventListener(e, i, r);
	})) : t.addEventListener(e, i, r), i;
}
function mr(e, t, n, r, i) {
	var a = {
		capture: r,
		passive: i
	}, o = pr(e, t, n, a);
	(t === document.body || t === window || t === document || t instanceof HTMLMediaElement) && hn(() => {
		o.__removed = !0, t.removeEventListener(e, o, a);
	});
}
function W(e, t, n) {
	(t[ur] ??= {})[e] = n;
}
function hr(e) {
	for (var t = 0; t < e.length; t++) dr.add(e[t]);
	for (var n of fr) n(e);
}
var gr = null, _r = !1;
function vr(e) {
	var t = this, n = t.ownerDocument, r = e.type, a = e.composedPath?.() || [], o = a[0] || e.target;
	gr = e, _r || (_r = !0, setTimeout(() => {
		_r = !1, gr = null;
	}));
	var s = 0, c = gr === e && e[ur];
	if (c) {
		var l = a.indexOf(c);
		if (l !== -1 && (t === document || t === window)) {
			e[ur] = t;
			return;
		}
		var u = a.indexOf(t);
		if (u === -1) return;
		l <= u && (s = l);
	}
	if (o = a[s] || e.target, o !== t) {
		i(e, "currentTarget", {
			configurable: !0,
			get() {
				return o || n;
			}
		});
		var d = B, f = V;
		zn(null), Bn(null);
		try {
			for (var p, m = []; o !== null && o !== t;) {
				try {
					var h = o[ur]?.[r];
					h == null || o.disabled && e.target !== o || h.call(o, e);
				} catch (e) {
					p ? m.push(e) : p = e;
				}
				if (e.cancelBubble) break;
				s++, o = s < a.length ? a[s] : null;
			}
			if (p) {
				for (let e of m) queueMicrotask(() => {
					throw e;
				});
				throw p;
			}
		} finally {
			e[ur] = t, delete e.currentTarget, zn(d), Bn(f);
		}
	}
}
// node_modules/svelte/src/internal/client/dom/reconciler.js
var yr = globalThis?.window?.trustedTypes && /* @__PURE__ */ globalThis.window.trustedTypes.createPolicy("svelte-trusted-html", { createHTML: (e) => e });
function br(e) {
	return yr?.createHTML(e) ?? e;
}
function xr(e) {
	var t = sn("template");
	return t.innerHTML = br(e.replaceAll("<!>", "<!---->")), t.content;
}
// node_modules/svelte/src/internal/client/dom/template.js
function Sr(e, t) {
	var n = V;
	n.nodes === null && (n.nodes = {
		start: e,
		end: t,
		a: null,
		t: null
	});
}
/*#__NO_SIDE_EFFECTS__*/
function G(e, t) {
	var n = !!(t & 1), r = !!(t & 2), i, a = !e.startsWith("<!>");
	return () => {
		if (w) return Sr(T, null), T;
		i === void 0 && (i = xr(a ? e : "<!>" + e), n || (i = /* @__PURE__ */ nn(i)));
		var t = r || Zt ? document.importNode(i, !0) : i.cloneNode(!0);
		if (n) {
			var o = /* @__PURE__ */ nn(t), s = t.lastChild;
			Sr(o, s);
		} else Sr(t, t);
		return t;
	};
}
/*#__NO_SIDE_EFFECTS__*/
function Cr(e, t, n = "svg") {
	var r = !e.startsWith("<!>"), i = !!(t & 1), a = `<${n}>${r ? e : "<!>" + e}</${n}>`, o;
	return () => {
		if (w) return Sr(T, null), T;
		if (!o) {
			var e = /* @__PURE__ */ nn(xr(a));
			if (i) for (o = document.createDocumentFragment(); /* @__PURE__ */ nn(e);) o.appendChild(/* @__PURE__ */ nn(e));
			else o = /* @__PURE__ */ nn(e);
		}
		var t = o.cloneNode(!0);
		if (i) {
			var n = /* @__PURE__ */ nn(t), r = t.lastChild;
			Sr(n, r);
		} else Sr(t, t);
		return t;
	};
}
/*#__NO_SIDE_EFFECTS__*/
function wr(e, t) {
	return /* @__PURE__ */ Cr(e, t, "svg");
}
function Tr(e = "") {
	if (!w) {
		var t = tn(e + "");
		return Sr(t, t), t;
	}
	var n = T;
	return n.nodeType === 3 ? cn(n) : (n.before(n = tn()), we(n)), Sr(n, n), n;
}
function Er() {
	if (w) return Sr(T, null), T;
	var e = document.createDocumentFragment(), t = document.createComment(""), n = tn();
	return e.append(t, n), Sr(t, n), e;
}
function K(e, t) {
	if (w) {
		var n = V;
		n.f & 32768 && n.nodes.end !== null || (n.nodes.end = T), Te();
	} else e !== null && e.before(t);
}
function Dr() {
	if (w && T && T.nodeType === 8 && T.textContent?.startsWith("$")) {
		let e = T.textContent.substring(1);
		return Te(), e;
	}
	return (window.__svelte ??= {}).uid ??= 1, `c${window.__svelte.uid++}`;
}
// node_modules/svelte/src/reactivity/create-subscriber.js
function Or(e) {
	let t = 0, n = zt(0), r;
	return () => {
		mn() && (H(n), xn(() => (t === 0 && (r = U(() => e(() => Gt(n)))), t += 1, () => {
			Xe(() => {
				--t, t === 0 && (r?.(), r = void 0, Gt(n));
			});
		})));
	};
}
// node_modules/svelte/src/internal/client/dom/blocks/boundary.js
var kr = S | ee;
function Ar(e, t, n, r) {
	new jr(e, t, n, r);
}
var jr = class {
	parent;
	is_pending = !1;
	transform_error;
	#e;
	#t = w ? T : null;
	#n;
	#r;
	#i;
	#a = null;
	#o = null;
	#s = null;
	#c = null;
	#l = 0;
	#u = 0;
	#d = !1;
	#f = /* @__PURE__ */ new Map();
	#p = null;
	#m = Or(() => (this.#p = zt(this.#l), () => {
		this.#p = null;
	}));
	constructor(e, t, n, r) {
		this.#e = e, this.#n = t, this.#r = (e) => {
			var t = V;
			t.b = this, t.f |= 128, n(e);
		}, this.parent = V.b, this.transform_error = r ?? this.parent?.transform_error ?? ((e) => e), this.#i = Sn(() => {
			if (w) {
				let e = Oe(this.#t);
				Te();
				let t = e === "[!";
				if (e.startsWith("[?")) {
					let t = JSON.parse(e.slice(2));
					this.#g(t);
				} else t ? this.#y() : this.#h();
			} else this.#b();
		}, kr), w && (this.#e = T);
	}
	#h() {
		try {
			this.#a = Cn(() => this.#r(this.#e));
		} catch (e) {
			this.error(e);
		}
	}
	#g(e) {
		let t = this.#n.failed, { reset: n, invoke_onerror: r } = this.#_(e);
		Xe(r), t && (this.#s = Cn(() => {
			t(this.#e, () => e, () => n);
		}));
	}
	#_(e) {
		var t = !1, n = !1;
		let r = () => {
			this.#v() || (t ? Se() : (t = !0, n && Ue(), this.#s !== null && An(this.#s, () => {
				this.#s = null;
			}), this.#S(() => {
				this.#b();
			})));
		};
		return {
			reset: r,
			invoke_onerror: () => {
				if (!this.#v()) try {
					n = !0, this.#n.onerror?.(e, r), n = !1;
				} catch (e) {
					un(e, this.#i && this.#i.parent);
				}
			}
		};
	}
	#v() {
		return (this.#i.f & (y | x)) !== 0;
	}
	#y() {
		let e = this.#n.pending;
		e && (this.is_pending = !0, this.#o = Cn(() => e(this.#e)), Xe(() => {
			if (!this.#v()) {
				var e = this.#c = document.createDocumentFragment(), t = tn(), n = !1;
				e.append(t), this.#a = this.#S(() => {
					try {
						return Cn(() => this.#r(t));
					} catch (e) {
						try {
							this.error(e), n = !0;
						} catch (e) {
							un(e, this.#i.parent);
						}
						return null;
					}
				}), this.#a === null ? (this.#c = null, n && this.#x(j)) : this.#u === 0 && (this.#e.before(e), this.#c = null, An(this.#o, () => {
					this.#o = null;
				}), this.#x(j));
			}
		}));
	}
	#b() {
		try {
			if (this.is_pending = this.has_pending_snippet(), this.#u = 0, this.#l = 0, this.#a = Cn(() => {
				this.#r(this.#e);
			}), this.#u > 0) {
				var e = this.#c = document.createDocumentFragment();
				Pn(this.#a, e);
				let t = this.#n.pending;
				this.#o = Cn(() => t(this.#e));
			} else this.#x(j);
		} catch (e) {
			this.error(e);
		}
	}
	#x(e) {
		this.is_pending = !1, e.transfer_reactions(this.#f);
	}
	defer_effect(e) {
		et(e, this.#f);
	}
	is_rendered() {
		return !this.is_pending && (!this.parent || this.parent.is_rendered());
	}
	has_pending_snippet() {
		return !!this.#n.pending;
	}
	#S(e) {
		var t = V, n = B, r = We;
		Bn(this.#i), zn(this.#i), Ge(this.#i.ctx);
		try {
			return Ot.ensure(), e();
		} finally {
			Bn(t), zn(n), Ge(r);
		}
	}
	#C(e, t) {
		this.has_pending_snippet() ? (this.#u += e, this.#u === 0 && (this.#x(t), this.#o && An(this.#o, () => {
			this.#o = null;
		}), this.#c &&= (this.#e.before(this.#c), null))) : this.parent && this.parent.#C(e, t);
	}
	update_pending_count(e, t) {
		this.#C(e, t), this.#l += e, !this.#p || this.#d || (this.#d = !0, Xe(() => {
			this.#d = !1, this.#p && Ut(this.#p, this.#l);
		}));
	}
	get_effect_pending() {
		return this.#m(), H(this.#p);
	}
	error(e) {
		if (e === _e || !this.#n.onerror && !this.#n.failed) throw e;
		j?.is_fork ? (this.#a && j.skip_effect(this.#a), this.#o && j.skip_effect(this.#o), this.#s && j.skip_effect(this.#s), j.oncommit(() => {
			this.#v() || this.#w(e);
		})) : this.#w(e);
	}
	#w(e) {
		this.#a &&= (Dn(this.#a), null), this.#o &&= (Dn(this.#o), null), this.#s &&= (Dn(this.#s), null), w && (we(this.#t), Ee(), we(De()));
		let t = this.#n.failed, n = (e) => {
			if (this.#v()) return;
			let { reset: n, invoke_onerror: r } = this.#_(e);
			r(), t && !this.#v() && (this.#s = this.#S(() => {
				try {
					return Cn(() => {
						var r = V;
						r.b = this, r.f |= 128, t(this.#e, () => e, () => n);
					});
				} catch (e) {
					return un(e, this.#i.parent), null;
				}
			}));
		};
		Xe(() => {
			if (!this.#v()) {
				var t;
				try {
					t = this.transform_error(e);
				} catch (e) {
					un(e, this.#i && this.#i.parent);
					return;
				}
				typeof t == "object" && t && typeof t.then == "function" ? t.then(n, (e) => un(e, this.#i && this.#i.parent)) : n(t);
			}
		});
	}
};
function q(e, t) {
	var n = t == null ? "" : typeof t == "object" ? `${t}` : t;
	n !== (e[pe] ??= e.nodeValue) && (e[pe] = n, e.nodeValue = `${n}`);
}
function Mr(e, t) {
	return Pr(e, t);
}
var Nr = /* @__PURE__ */ new Map();
function Pr(e, { target: t, anchor: n, props: i = {}, events: a, context: o, intro: s = !0, transformError: c }) {
	en();
	var l = void 0, u = vn(() => {
		var s = n ?? t.appendChild(tn());
		Ar(s, { pending: () => {} }, (t) => {
			D({});
			var n = We;
			if (o && (n.c = o), a && (i.$$events = a), w && Sr(t, null), l = e(t, i) || Ke(), w && (V.nodes.end = T, T === null || T.nodeType !== 8 || T.data !== "]")) throw be(), _e;
			O();
		}, c);
		var u = /* @__PURE__ */ new Set(), d = (e) => {
			for (var n = 0; n < e.length; n++) {
				var r = e[n];
				if (!u.has(r)) {
					u.add(r);
					var i = lr(r);
					for (let e of [t, document]) {
						var a = Nr.get(e);
						a === void 0 && (a = /* @__PURE__ */ new Map(), Nr.set(e, a));
						var o = a.get(r);
						o === void 0 ? (e.addEventListener(r, vr, { passive: i }), a.set(r, 1)) : a.set(r, o + 1);
					}
				}
			}
		};
		return d(r(dr)), fr.add(d), () => {
			for (var e of u) for (let n of [t, document]) {
				var r = Nr.get(n), i = r.get(e);
				--i == 0 ? (n.removeEventListener(e, vr), r.delete(e), r.size === 0 && Nr.delete(n)) : r.set(e, i);
			}
			fr.delete(d), s !== n && s.parentNode?.removeChild(s);
		};
	});
	return Fr.set(l, u), l;
}
var Fr = /* @__PURE__ */ new WeakMap(), Ir = class {
	anchor;
	#e = /* @__PURE__ */ new Map();
	#t = /* @__PURE__ */ new Map();
	#n = /* @__PURE__ */ new Map();
	#r = /* @__PURE__ */ new Set();
	#i = !0;
	constructor(e, t = !0) {
		this.anchor = e, this.#i = t;
	}
	#a = (e) => {
		if (this.#e.has(e)) {
			var t = this.#e.get(e), n = this.#t.get(t);
			if (n) Mn(n), this.#r.delete(t);
			else {
				var r = this.#n.get(t);
				r && (Mn(r.effect), this.#t.set(t, r.effect), this.#n.delete(t), r.fragment.lastChild.remove(), this.anchor.before(r.fragment), n = r.effect);
			}
			for (let [t, n] of this.#e) {
				if (this.#e.delete(t), t === e) break;
				let r = this.#n.get(n);
				r && (Dn(r.effect), this.#n.delete(n));
			}
			for (let [e, r] of this.#t) {
				if (e === t || this.#r.has(e)) continue;
				let i = () => {
					if (Array.from(this.#e.values()).includes(e)) {
						var t = document.createDocumentFragment();
						Pn(r, t), t.append(tn()), this.#n.set(e, {
							effect: r,
							fragment: t
						});
					} else Dn(r);
					this.#r.delete(e), this.#t.delete(e);
				};
				this.#i || !n ? (this.#r.add(e), An(r, i, !1)) : i();
			}
		}
	};
	#o = (e) => {
		this.#e.delete(e);
		let t = Array.from(this.#e.values());
		for (let [e, n] of this.#n) t.includes(e) || (Dn(n.effect), this.#n.delete(e));
	};
	ensure(e, t) {
		var n = j, r = on();
		if (t && !this.#t.has(e) && !this.#n.has(e)) {
			if (r) {
				var i = document.createDocumentFragment(), a = tn();
				i.append(a), this.#n.set(e, {
					effect: Cn(() => t(a)),
					fragment: i
				});
			} else this.#t.set(e, Cn(() => t(this.anchor)));
		}
		if (this.#e.set(n, e), r) {
			for (let [t, r] of this.#t) t === e ? n.unskip_effect(r) : n.skip_effect(r);
			for (let [t, r] of this.#n) t === e ? n.unskip_effect(r.effect) : n.skip_effect(r.effect);
			n.oncommit(this.#a), n.ondiscard(this.#o);
		} else w && (this.anchor = T), this.#a(n);
	}
};
// node_modules/svelte/src/internal/client/dom/blocks/if.js
function J(e, t, n = !1) {
	var r;
	w && (r = T, Te());
	var i = new Ir(e), a = n ? S : 0;
	function o(e, t) {
		if (w) {
			var n = Oe(r);
			if (e !== parseInt(n.substring(1))) {
				var a = De();
				we(a), i.anchor = a, Ce(!1), i.ensure(e, t), Ce(!0);
				return;
			}
		}
		i.ensure(e, t);
	}
	Sn(() => {
		var e = !1;
		t((t, n = 0) => {
			e = !0, o(n, t);
		}), e || o(-1, null);
	}, a);
}
// node_modules/svelte/src/internal/client/dom/blocks/each.js
function Y(e, t) {
	return t;
}
function Lr(e, t, n) {
	for (var i = [], a = t.length, o, s = t.length, c = 0; c < a; c++) {
		let n = t[c];
		An(n, () => {
			if (o) {
				if (o.pending.delete(n), o.done.add(n), o.pending.size === 0) {
					var t = e.outrogroups;
					Rr(e, r(o.done)), t.delete(o), t.size === 0 && (e.outrogroups = null);
				}
			} else --s;
		}, !1);
	}
	if (s === 0) {
		var l = i.length === 0 && n !== null && e.pending.size === 0;
		if (l) {
			var u = n, d = u.parentNode;
			an(d), d.append(u), e.items.clear();
		}
		Rr(e, t, !l);
	} else o = {
		pending: new Set(t),
		done: /* @__PURE__ */ new Set()
	}, (e.outrogroups ??= /* @__PURE__ */ new Set()).add(o);
}
function Rr(e, t, n = !0) {
	var r;
	if (e.pending.size > 0) {
		r = /* @__PURE__ */ new Set();
		for (let t of e.pending.values()) for (let n of t) r.add(e.items.get(n).e);
	}
	for (var i = 0; i < t.length; i++) {
		var a = t[i];
		r?.has(a) ? (a.f |= ne, Pn(a, document.createDocumentFragment())) : Dn(t[i], n);
	}
}
var zr;
function X(t, n, i, a, o, s = null) {
	var c = t, l = /* @__PURE__ */ new Map();
	if (n & 4) {
		var u = t;
		c = w ? we(/* @__PURE__ */ nn(u)) : u.appendChild(tn());
	}
	w && Te();
	var d = null, f = /* @__PURE__ */ ft(() => {
		var t = i();
		return e(t) ? t : t == null ? [] : r(t);
	}), p = /* @__PURE__ */ new Map(), m = !0;
	function h(e) {
		if (!(_.effect.f & 16384)) {
			_.pending.delete(e);
			var t = H(f);
			_.fallback = d, Vr(_, t, c, n, a), d !== null && (t.length === 0 ? d.f & 33554432 ? (d.f ^= ne, Ur(d, null, c)) : Mn(d) : An(d, () => {
				d = null;
			}));
		}
	}
	function g(e) {
		_.pending.delete(e);
	}
	var _ = {
		effect: Sn(() => {
			var e = H(f), t = e.length;
			let r = !1;
			w && Oe(c) === "[!" != (t === 0) && (c = De(), we(c), Ce(!1), r = !0);
			for (var u = /* @__PURE__ */ new Set(), _ = j, v = on(), y = 0; y < t; y += 1) {
				w && T.nodeType === 8 && T.data === "]" && (c = T, r = !0, Ce(!1));
				var b = e[y], x = a(b, y), S = m ? null : l.get(x);
				S ? (S.v && Ut(S.v, b), S.i && Ut(S.i, y), v && _.unskip_effect(S.e)) : (S = Hr(l, m ? c : zr ??= tn(), b, x, y, o, n, i), m || (S.e.f |= ne), l.set(x, S)), u.add(x);
			}
			if (t === 0 && s && !d && (m ? d = Cn(() => s(c)) : (d = Cn(() => s(zr ??= tn())), d.f |= ne)), t > u.size && Pe("", "", ""), w && t > 0 && we(De()), !m) {
				if (p.set(_, u), v) {
					for (let [e, t] of l) u.has(e) || _.skip_effect(t.e);
					_.oncommit(h), _.ondiscard(g);
				} else h(_);
			}
			r && Ce(!0), H(f);
		}),
		flags: n,
		items: l,
		pending: p,
		outrogroups: null,
		fallback: d
	};
	m = !1, w && (c = T);
}
function Br(e) {
	for (; e !== null && !(e.f & 32);) e = e.next;
	return e;
}
function Vr(e, t, n, i, a) {
	var o = !!(i & 8), s = t.length, c = e.items, l = Br(e.effect.first), u, d = null, f, p = [], m = [], h, g, _, v;
	if (o) for (v = 0; v < s; v += 1) h = t[v], g = a(h, v), _ = c.get(g).e, _.f & 33554432 || (_.nodes?.a?.measure(), (f ??= /* @__PURE__ */ new Set()).add(_));
	for (v = 0; v < s; v += 1) {
		if (h = t[v], g = a(h, v), _ = c.get(g).e, e.outrogroups !== null) for (let t of e.outrogroups) t.pending.delete(_), t.done.delete(_);
		if (_.f & 8192 && (Mn(_), o && (_.nodes?.a?.unfix(), (f ??= /* @__PURE__ */ new Set()).delete(_))), _.f & 33554432) {
			if (_.f ^= ne, _ === l) Ur(_, null, n);
			else {
				var y = d ? d.next : l;
				_ === e.effect.last && (e.effect.last = _.prev), _.prev && (_.prev.next = _.next), _.next && (_.next.prev = _.prev), Wr(e, d, _), Wr(e, _, y), Ur(_, y, n), d = _, p = [], m = [], l = Br(d.next);
				continue;
			}
		}
		if (_ !== l) {
			if (u !== void 0 && u.has(_)) {
				if (p.length < m.length) {
					var b = m[0], x;
					d = b.prev;
					var S = p[0], ee = p[p.length - 1];
					for (x = 0; x < p.length; x += 1) Ur(p[x], b, n);
					for (x = 0; x < m.length; x += 1) u.delete(m[x]);
					Wr(e, S.prev, ee.next), Wr(e, d, S), Wr(e, ee, b), l = b, d = ee, --v, p = [], m = [];
				} else u.delete(_), Ur(_, l, n), Wr(e, _.prev, _.next), Wr(e, _, d === null ? e.effect.first : d.next), Wr(e, d, _), d = _;
				continue;
			}
			for (p = [], m = []; l !== null && l !== _;) (u ??= /* @__PURE__ */ new Set()).add(l), m.push(l), l = Br(l.next);
			if (l === null) continue;
		}
		_.f & 33554432 || p.push(_), d = _, l = Br(_.next);
	}
	if (e.outrogroups !== null) {
		for (let t of e.outrogroups) t.pending.size === 0 && (Rr(e, r(t.done)), e.outrogroups?.delete(t));
		e.outrogroups.size === 0 && (e.outrogroups = null);
	}
	if (l !== null || u !== void 0) {
		var te = [];
		if (u !== void 0) for (_ of u) _.f & 8192 || te.push(_);
		for (; l !== null;) !(l.f & 8192) && l !== e.fallback && te.push(l), l = Br(l.next);
		var re = te.length;
		if (re > 0) {
			var ie = i & 4 && s === 0 ? n : null;
			if (o) {
				for (v = 0; v < re; v += 1) te[v].nodes?.a?.measure();
				for (v = 0; v < re; v += 1) te[v].nodes?.a?.fix();
			}
			Lr(e, te, ie);
		}
	}
	o && Xe(() => {
		if (f !== void 0) for (_ of f) _.nodes?.a?.apply();
	});
}
function Hr(e, t, n, r, i, a, o, s) {
	var c = o & 1 ? o & 16 ? zt(n) : /* @__PURE__ */ Bt(n, !1, !1) : null, l = o & 2 ? zt(i) : null;
	return {
		v: c,
		i: l,
		e: Cn(() => (a(t, c ?? n, l ?? i, s), () => {
			e.delete(r);
		}))
	};
}
function Ur(e, t, n) {
	if (e.nodes) for (var r = e.nodes.start, i = e.nodes.end, a = t && !(t.f & 33554432) ? t.nodes.start : n; r !== null;) {
		var o = /* @__PURE__ */ rn(r);
		if (a.before(r), r === i) return;
		r = o;
	}
}
function Wr(e, t, n) {
	t === null ? e.effect.first = n : t.next = n, n === null ? e.effect.last = t : n.prev = t;
}
// node_modules/svelte/src/internal/client/dom/css.js
function Z(e, t) {
	yn(() => {
		e = V?.parent?.nodes?.start ?? e;
		var n = e.getRootNode(), r = n.host ? n : n.head ?? n.ownerDocument.head;
		if (!r.querySelector("#" + t.hash)) {
			let e = sn("style");
			e.id = t.hash, e.textContent = t.code, r.appendChild(e);
		}
	});
}
// node_modules/svelte/src/internal/shared/attributes.js
var Gr = [..." 	\n\r\f\xA0\v﻿"];
function Kr(e, t, n) {
	var r = e == null ? "" : "" + e;
	if (t && (r = r ? r + " " + t : t), n) {
		for (var i of Object.keys(n)) if (n[i]) r = r ? r + " " + i : i;
		else if (r.length) for (var a = i.length, o = 0; (o = r.indexOf(i, o)) >= 0;) {
			var s = o + a;
			(o === 0 || Gr.includes(r[o - 1])) && (s === r.length || Gr.includes(r[s])) ? r = (o === 0 ? "" : r.substring(0, o)) + r.substring(s + 1) : o = s;
		}
	}
	return r === "" ? null : r;
}
function qr(e, t = !1) {
	var n = t ? " !important;" : ";", r = "";
	for (var i of Object.keys(e)) {
		var a = e[i];
		a != null && a !== "" && (r += " " + i + ": " + a + n);
	}
	return r;
}
function Jr(e) {
	return e[0] !== "-" || e[1] !== "-" ? e.toLowerCase() : e;
}
function Yr(e, t) {
	if (t) {
		var n = "", r, i;
		if (Array.isArray(t) ? (r = t[0], i = t[1]) : r = t, e) {
			e = String(e).replaceAll(/\/\*.*?\*\//g, "").trim();
			var a = !1, o = 0, s = !1, c = [];
			r && c.push(...Object.keys(r).map(Jr)), i && c.push(...Object.keys(i).map(Jr));
			var l = 0, u = -1;
			let t = e.length;
			for (var d = 0; d < t; d++) {
				var f = e[d];
				if (s ? f === "/" && e[d - 1] === "*" && (s = !1) : a ? a === f && (a = !1) : f === "/" && e[d + 1] === "*" ? s = !0 : f === "\"" || f === "'" ? a = f : f === "(" ? o++ : f === ")" && o--, !s && a === !1 && o === 0) {
					if (f === ":" && u === -1) u = d;
					else if (f === ";" || d === t - 1) {
						if (u !== -1) {
							var p = Jr(e.substring(l, u).trim());
							if (!c.includes(p)) {
								f !== ";" && d++;
								var m = e.substring(l, d).trim();
								n += " " + m + ";";
							}
						}
						l = d + 1, u = -1;
					}
				}
			}
		}
		return r && (n += qr(r)), i && (n += qr(i, !0)), n = n.trim(), n === "" ? null : n;
	}
	return e == null ? null : String(e);
}
// node_modules/svelte/src/internal/client/dom/elements/class.js
function Xr(e, t, n, r, i, a) {
	var o = e[de];
	if (w || o !== n || o === void 0) {
		var s = Kr(n, r, a);
		w && s === e.getAttribute("class") || (s == null ? e.removeAttribute("class") : t ? e.className = s : e.setAttribute("class", s)), e[de] = n;
	} else if (a && i !== a) for (var c in a) {
		var l = !!a[c];
		(i == null || l !== !!i[c]) && e.classList.toggle(c, l);
	}
	return a;
}
// node_modules/svelte/src/internal/client/dom/elements/style.js
function Zr(e, t = {}, n, r) {
	for (var i in n) {
		var a = n[i];
		t[i] !== a && (n[i] == null ? e.style.removeProperty(i) : e.style.setProperty(i, a, r));
	}
}
function Qr(e, t, n, r) {
	var i = e[fe];
	if (w || i !== t) {
		var a = Yr(t, r);
		w && a === e.getAttribute("style") || (a == null ? e.removeAttribute("style") : e.style.cssText = a), e[fe] = t;
	} else r && (Array.isArray(r) ? (Zr(e, n?.[0], r[0]), Zr(e, n?.[1], r[1], "important")) : Zr(e, n, r));
	return r;
}
// node_modules/svelte/src/internal/client/dom/elements/bindings/select.js
function $r(e, t) {
	t ? e.hasAttribute("selected") || e.setAttribute("selected", "") : e.removeAttribute("selected");
}
function ei(t, n) {
	var r = t.__defaultValue, i = t.multiple, a = i ? r ?? [] : null;
	if (!i || e(a)) {
		var o = t.selectedIndex, s = n && i ? new Set(t.selectedOptions) : null;
		for (var c of t.options) {
			var l = ri(c);
			$r(c, i ? a.includes(l) : Yt(l, r));
		}
		if (n) {
			if (s !== null) for (c of t.options) {
				var u = s.has(c);
				c.selected !== u && (c.selected = u);
			}
			else t.selectedIndex !== o && (t.selectedIndex = o);
		}
	}
}
function ti(t, n, r = !1) {
	if (t.multiple) {
		if (n == null) return;
		if (!e(n)) return xe();
		for (var i of t.options) i.selected = n.includes(ri(i));
	} else {
		for (i of t.options) if (Yt(ri(i), n)) {
			i.selected = !0;
			return;
		}
		r && n === void 0 || (t.selectedIndex = -1);
	}
}
function ni(e) {
	var t = new MutationObserver((t) => {
		t.every(ii) || ("__defaultValue" in e && ei(e, !1), "__value" in e && ti(e, e.__value));
	});
	t.observe(e, {
		childList: !0,
		subtree: !0,
		attributes: !0,
		attributeFilter: ["value"]
	}), hn(() => {
		t.disconnect();
	});
}
function ri(e) {
	return "__value" in e ? e.__value : e.value;
}
function ii(e) {
	if (e.target.closest("selectedcontent") !== null) return !0;
	if (e.type === "childList") {
		var t = [...e.addedNodes, ...e.removedNodes];
		return t.length > 0 && t.every((e) => e.nodeName === "SELECTEDCONTENT");
	}
	return !1;
}
// node_modules/svelte/src/internal/client/dom/elements/attributes.js
var ai = Symbol("is custom element"), oi = Symbol("is html"), si = ge ? "link" : "LINK";
function ci(e) {
	if (w) {
		var t = !1, n = () => {
			if (!t) {
				if (t = !0, e.hasAttribute("value")) {
					var n = e.value;
					Q(e, "value", null), e.value = n;
				}
				if (e.hasAttribute("checked")) {
					var r = e.checked;
					Q(e, "checked", null), e.checked = r;
				}
			}
		};
		e[me] = n, Xe(n), nt();
	}
}
function li(e, t) {
	var n = ui(e);
	n.checked !== (n.checked = t ?? void 0) && (e.checked = t);
}
function Q(e, t, n, r) {
	var i = ui(e);
	if (!(w && (i[t] = e.getAttribute(t), t === "src" || t === "srcset" || t === "href" && e.nodeName === si))) {
		var a = i[t];
		a !== (i[t] = n) && (t === "loading" && (e[le] = n), n == null ? e.removeAttribute(t) : typeof n != "string" && fi(e).has(t) ? e[t] = n : (!w || typeof n != "number" && typeof n != "boolean" || a !== String(n)) && e.setAttribute(t, n));
	}
}
function ui(e) {
	return e[ue] ??= {
		[ai]: e.nodeName.includes("-"),
		[oi]: e.namespaceURI === ve
	};
}
var di = /* @__PURE__ */ new Map();
function fi(e) {
	var t = e.getAttribute("is") || e.nodeName, n = di.get(t);
	if (n) return n;
	di.set(t, n = /* @__PURE__ */ new Set());
	for (var r, i = e, a = Element.prototype; a !== i;) {
		for (var s in r = o(i), r) r[s].set && s !== "innerHTML" && s !== "textContent" && s !== "innerText" && n.add(s);
		i = l(i);
	}
	return n;
}
// node_modules/svelte/src/internal/client/dom/elements/bindings/input.js
function pi(e, t, n = t) {
	var r = /* @__PURE__ */ new WeakSet();
	it(e, "input", async (i) => {
		var a = i ? e.defaultValue : e.value;
		if (a = hi(e) ? gi(a) : a, n(a), j !== null && r.add(j), await ar(), a !== (a = t())) {
			var o = e.selectionStart, s = e.selectionEnd, c = e.value.length;
			if (e.value = a ?? "", s !== null) {
				var l = e.value.length;
				o === s && s === c && l > c ? (e.selectionStart = l, e.selectionEnd = l) : (e.selectionStart = o, e.selectionEnd = Math.min(s, l));
			}
		}
	}), (w && e.defaultValue !== e.value || U(t) == null && e.value) && (n(hi(e) ? gi(e.value) : e.value), j !== null && r.add(j)), xn(() => {
		var n = t();
		if (e === document.activeElement) {
			var i = j;
			if (r.has(i)) return;
		}
		hi(e) && n === gi(e.value) || (e.type !== "date" || n || e.value) && n !== e.value && (e.value = n ?? "");
	});
}
function mi(e, t, n = t) {
	it(e, "change", (t) => {
		n(t ? e.defaultChecked : e.checked);
	}), (w && e.defaultChecked !== e.checked || U(t) == null) && n(e.checked), xn(() => {
		e.checked = !!t();
	});
}
function hi(e) {
	var t = e.type;
	return t === "number" || t === "range";
}
function gi(e) {
	return e === "" ? null : +e;
}
var _i = /* @__PURE__ */ new class e {
	#e = /* @__PURE__ */ new WeakMap();
	#t;
	#n;
	static entries = /* @__PURE__ */ new WeakMap();
	constructor(e) {
		this.#n = e;
	}
	observe(e, t) {
		var n = this.#e.get(e) || /* @__PURE__ */ new Set();
		return n.add(t), this.#e.set(e, n), this.#r().observe(e, this.#n), () => {
			var n = this.#e.get(e);
			n.delete(t), n.size === 0 && (this.#e.delete(e), this.#t.unobserve(e));
		};
	}
	#r() {
		return this.#t ??= new ResizeObserver((t) => {
			for (var n of t) {
				e.entries.set(n.target, n);
				for (var r of this.#e.get(n.target) || []) r(n);
			}
		});
	}
}({ box: "border-box" });
function vi(e, t, n) {
	var r = _i.observe(e, () => n(e[t]));
	yn(() => (U(() => n(e[t])), r));
}
// node_modules/svelte/src/internal/client/dom/elements/bindings/this.js
function yi(e, t) {
	return e === t || e?.[oe] === t;
}
function bi(e = Ke(), t, n, r) {
	var i = We.r, a = V;
	return yn(() => {
		var o, s;
		return xn(() => {
			o = s, s = r?.() || [], U(() => {
				yi(n(...s), e) || (t(e, ...s), o && yi(n(...o), e) && t(null, ...o));
			});
		}), () => {
			let r = a;
			for (; r !== i && r.parent !== null && r.parent.f & 33554432;) r = r.parent;
			let o = () => {
				s && yi(n(...s), e) && t(null, ...s);
			}, c = r.teardown;
			r.teardown = () => {
				o(), c?.();
			};
		};
	}), e;
}
// node_modules/svelte/src/internal/client/reactivity/store.js
var xi = !1;
function Si(e) {
	var t = xi;
	try {
		return xi = !1, [e(), xi];
	} finally {
		xi = t;
	}
}
// node_modules/svelte/src/internal/client/reactivity/props.js
function $(e, t, n, r) {
	var i = !0, o = !!(n & 8), s = !!(n & 16), c = r, l = !0, u = void 0, d = () => s && i ? (u ??= /* @__PURE__ */ lt(r), H(u)) : (l && (l = !1, c = s ? U(r) : r), c);
	let f;
	if (o) {
		var p = oe in e || ce in e;
		f = a(e, t)?.set ?? (p && t in e ? (n) => e[t] = n : void 0);
	}
	var m, h = !1;
	o ? [m, h] = Si(() => e[t]) : m = e[t], m === void 0 && r !== void 0 && (m = d(), f && (i && ze(t), f(m)));
	var g = i ? () => {
		var n = e[t];
		return n === void 0 ? d() : (l = !0, n);
	} : () => {
		var n = e[t];
		return n !== void 0 && (c = void 0), n === void 0 ? c : n;
	};
	if (i && !(n & 4)) return g;
	if (f) {
		var _ = e.$$legacy;
		return (function(e, t) {
			return arguments.length > 0 ? ((!i || !t || _ || h) && f(t ? g() : e), e) : g();
		});
	}
	var v = !1, y = (n & 1 ? lt : ft)(() => (v = !1, g()));
	o && H(y);
	var b = V;
	return (function(e, t) {
		if (arguments.length > 0) {
			let n = t ? H(y) : i && o ? qt(e) : e;
			return N(y, n), v = !0, c !== void 0 && (c = n), e;
		}
		return In && v || b.f & 16384 ? y.v : H(y);
	});
}
function Ci(e) {
	We === null && Me("onMount"), R(() => {
		let t = U(e);
		if (typeof t == "function") return t;
	});
}
// node_modules/svelte/src/internal/disclose-version.js
typeof window < "u" && ((window.__svelte ??= {}).v ??= /* @__PURE__ */ new Set()).add("5");
// src/debug.ts
function wi(e) {
	window.rlClarity = e;
}
// src/keys.ts
var Ti = /* @__PURE__ */ new Set(["SELECT", "TEXTAREA"]);
function Ei(e) {
	return e ? e.isContentEditable || Ti.has(e.tagName ?? "") ? !0 : e.tagName === "INPUT" && ![
		"radio",
		"checkbox",
		"button",
		"submit",
		"reset"
	].includes(e.type ?? "") : !1;
}
function Di(e) {
	return e?.tagName === "BUTTON" || e?.tagName === "SUMMARY" || e?.tagName === "INPUT" && [
		"radio",
		"checkbox",
		"button",
		"submit",
		"reset"
	].includes(e.type ?? "");
}
function Oi(e, t, n = !1) {
	return Ei(t) || n && (Di(t) || t?.tagName === "INPUT") ? null : e === "Escape" ? { escape: !0 } : e === "ArrowLeft" || e === "ArrowRight" ? { arrow: e === "ArrowLeft" ? -1 : 1 } : e === " " && !Di(t) ? { toggle: !0 } : null;
}
function ki(e, t) {
	return t || !e ? !1 : e.tagName === "SELECT" || Di(e);
}
function Ai(e, t, n) {
	return e && !t && !n;
}
function ji(e, t, n = () => !1, r = !1) {
	if (e.ctrlKey || e.metaKey || e.altKey) return !1;
	let i = Oi(e.key, e.target, r);
	if (!i) return !1;
	if ("escape" in i) {
		if (!n()) return !1;
	} else if (t) "arrow" in i ? t.arrow(i.arrow) : t.toggle();
	else return !1;
	return e.preventDefault(), !0;
}
// src/urlstate.ts
var Mi = "p.rl_clarity.", Ni = /* @__PURE__ */ new Set([
	"step",
	"traj",
	"frame",
	"step_b",
	"traj_b",
	"frame_b"
]), Pi = /* @__PURE__ */ new Set([
	...Ni,
	"run",
	"layer",
	"rows",
	"abs",
	"overlay",
	"residual",
	"run_b"
]);
function Fi(e, t = []) {
	let n = {};
	for (let [r, i] of e) Ni.has(r) && !/^\d+$/.test(i) ? t.push(`${r} "${i}" is not a number: left out`) : r === "run" ? n.run = i : r === "step" ? n.step = Number(i) : r === "layer" ? n.layer = i : r === "traj" ? n.traj = Number(i) - 1 : r === "frame" ? n.frame = Number(i) - 1 : r === "rows" ? n.rows = i.split(",").filter(Boolean) : r === "abs" || r === "overlay" || r === "residual" ? n[r] = i === "1" : r === "run_b" ? n.run_b = i : r === "step_b" ? n.step_b = Number(i) : r === "traj_b" ? n.traj_b = Number(i) - 1 : r === "frame_b" && (n.frame_b = Number(i) - 1);
	return n;
}
function Ii() {
	try {
		return window.parent === window ? "" : window.parent.location.hash;
	} catch {
		return "";
	}
}
function Li(e, t) {
	let n = new URLSearchParams(e.replace(/^#/, ""));
	return [...n.keys()].some((e) => Pi.has(e)) ? [...n.entries()] : [...new URLSearchParams(t.replace(/^#/, "").replace(/^[^&=]*&?/, "")).entries()].filter(([e]) => e.startsWith(Mi)).map(([e, t]) => [e.slice(13), t]);
}
function Ri(e, t = "") {
	let n = [];
	return {
		view: Fi(Li(e, t), n),
		invalid: n
	};
}
function zi(e, t = "") {
	return Ri(e, t).view;
}
function Bi(e) {
	let t = Ri("", e);
	return Object.keys(t.view).length || t.invalid.length ? t : null;
}
function Vi(e, t) {
	return e.split("#")[0] + "#" + Ui(t);
}
function Hi() {
	return Ri(location.hash, Ii());
}
function Ui(e) {
	return new URLSearchParams(Gi(e)).toString();
}
function Wi(e, t) {
	let n = e.replace(/^#/, "").split("&"), r = n[0] || "rl_clarity", i = new URLSearchParams(n.slice(1).join("&"));
	for (let e of [...i.keys()]) e.startsWith(Mi) && i.delete(e);
	for (let [e, n] of Gi(t)) i.set(Mi + e, n);
	return `#${r}&${i.toString()}`;
}
function Gi(e) {
	let t = [
		["run", e.run],
		["step", String(e.step)],
		["layer", e.layer],
		["traj", String(e.traj + 1)],
		["frame", String(e.frame + 1)],
		["rows", e.rows.join(",")],
		["abs", e.abs ? "1" : "0"],
		["overlay", e.overlay ? "1" : "0"],
		["residual", e.residual ? "1" : "0"]
	];
	return e.run_b !== void 0 && e.step_b !== void 0 && (t.push(["run_b", e.run_b], ["step_b", String(e.step_b)]), e.traj_b !== void 0 && t.push(["traj_b", String(e.traj_b + 1)]), e.frame_b !== void 0 && t.push(["frame_b", String(e.frame_b + 1)])), t;
}
var Ki = !0;
function qi() {
	Ki = !1;
}
var Ji = null, Yi = null, Xi = "";
function Zi() {
	return Xi;
}
function Qi() {
	Ji && clearTimeout(Ji), Ji = null, Yi = null;
}
function $i(e) {
	Yi = {
		...e,
		rows: [...e.rows]
	}, Ji ||= setTimeout(() => {
		Ji = null;
		let e = Yi;
		if (Yi = null, e) {
			try {
				history.replaceState(history.state, "", Vi(location.href, e));
			} catch {}
			try {
				if (Ki && window.parent !== window) {
					let t = Wi(window.parent.location.hash, e);
					Xi = t, window.parent.history.replaceState(window.parent.history.state, "", t);
				}
			} catch {}
		}
	}, 300);
}
// src/focus.ts
function ea() {
	try {
		return window.parent === window ? null : (window.parent.document, window.parent);
	} catch {
		return null;
	}
}
function ta() {
	let e = window.frameElement;
	return e ? e.isConnected ? e.checkVisibility ? e.checkVisibility() : e.getClientRects().length > 0 : !1 : !0;
}
function na(e) {
	let t = ea();
	if (!t) return () => {};
	let n = (t) => {
		Ai(ta(), t.defaultPrevented, t.ctrlKey || t.metaKey || t.altKey) && e(t);
	};
	return t.addEventListener("keydown", n), () => t.removeEventListener("keydown", n);
}
function ra() {
	let e = {
		target: null,
		at: -Infinity
	}, t = (t) => e.target === t && performance.now() - e.at < 1e3, n = (t) => e = {
		target: t.target,
		at: performance.now()
	}, r = (e) => {
		let n = e.target;
		n && ki(n, t(n)) && n.blur();
	}, i = (e) => {
		let n = e.target?.closest?.("button");
		n && ki(n, e.detail === 0 || t(n)) && n.blur();
	};
	return window.addEventListener("keydown", n, !0), window.addEventListener("change", r, !0), window.addEventListener("click", i, !0), () => {
		window.removeEventListener("keydown", n, !0), window.removeEventListener("change", r, !0), window.removeEventListener("click", i, !0);
	};
}
function ia(e, t = !0) {
	let n = () => {
		let t = Ri(location.hash);
		(Object.keys(t.view).length || t.invalid.length) && e(t);
	};
	window.addEventListener("hashchange", n);
	let r = t ? ea() : null, i = () => {
		let t = r ? Bi(r.location.hash) : null;
		if (!t) return;
		let n = zi("", Zi());
		(t.invalid.length || JSON.stringify(t.view) !== JSON.stringify(n)) && e(t);
	};
	return r?.addEventListener("hashchange", i), () => {
		window.removeEventListener("hashchange", n), r?.removeEventListener("hashchange", i);
	};
}
// src/ipc.ts
function aa(e) {
	if (window.parent === window) return () => {};
	let t = new MessageChannel();
	t.port1.onmessage = (n) => {
		let r;
		try {
			r = JSON.parse(String(n.data));
		} catch {
			return;
		}
		r.isReply || (r.type === "experimental.DataReloaded" && e(), t.port1.postMessage(JSON.stringify({
			type: r.type,
			id: r.id,
			payload: null,
			error: null,
			isReply: !0
		})));
	};
	try {
		window.parent.postMessage("experimental.bootstrap", "*", [t.port2]);
	} catch {
		return () => {};
	}
	return () => t.port1.close();
}
// src/notices.ts
var oa = class extends Error {
	route;
	status;
	detail;
	constructor(e, t, n) {
		super(`${e}: ${t ? `${t} ` : ""}${n}`), this.route = e, this.status = t, this.detail = n;
	}
};
function sa(e) {
	let t = e.trim().split("\n")[0] ?? "";
	return t.length > 300 ? t.slice(0, 299) + "…" : t;
}
function ca(e) {
	return e instanceof oa ? e.detail || `${e.route}: ${e.status}` : e instanceof Error ? sa(e.message) : sa(String(e));
}
function la(e, t, n, r) {
	return `could not load ${e} of ${t} step ${n}: ${ca(r)}`;
}
// src/state/playback.svelte.ts
function ua(e) {
	let t = Math.max(Math.min(Number(e) || 0, 100), 0);
	return t > 0 ? 1e3 / t : 1e3;
}
var da = class {
	clock;
	#e = /* @__PURE__ */ M(0);
	get traj() {
		return H(this.#e);
	}
	set traj(e) {
		N(this.#e, e, !0);
	}
	#t = /* @__PURE__ */ M(0);
	get frame() {
		return H(this.#t);
	}
	set frame(e) {
		N(this.#t, e, !0);
	}
	#n = /* @__PURE__ */ M(0);
	get length() {
		return H(this.#n);
	}
	set length(e) {
		N(this.#n, e, !0);
	}
	#r = /* @__PURE__ */ M(0);
	get playing() {
		return H(this.#r);
	}
	set playing(e) {
		N(this.#r, e, !0);
	}
	#i = /* @__PURE__ */ M(12);
	get fps() {
		return H(this.#i);
	}
	set fps(e) {
		N(this.#i, e, !0);
	}
	lastDir = 1;
	timer = null;
	due = 0;
	constructor(e = () => performance.now()) {
		this.clock = e;
	}
	seek(e) {
		let t = Math.max(this.length - 1, 0), n = Math.min(Math.max(Math.round(Number.isFinite(e) ? e : 0), 0), t);
		return n !== this.frame && (this.frame = n), n;
	}
	setLength(e) {
		this.length = Math.max(0, Math.floor(e)), this.seek(this.frame), this.traj < 0 && (this.traj = 0);
	}
	step(e) {
		this.pause(), this.lastDir = e, this.seek(this.frame + e);
	}
	first() {
		this.pause(), this.seek(0);
	}
	last() {
		this.pause(), this.seek(this.length - 1);
	}
	play(e) {
		this.lastDir = e, this.playing = e, this.due = 0, this.schedule();
	}
	pause() {
		this.playing &&= 0, this.cancel();
	}
	toggle() {
		this.playing ? this.pause() : this.play(this.lastDir);
	}
	arrow(e) {
		this.playing ? this.play(e) : this.step(e);
	}
	dispose() {
		this.pause();
	}
	cancel() {
		this.timer !== null && clearTimeout(this.timer), this.timer = null;
	}
	schedule() {
		this.cancel();
		let e = ua(this.fps), t = this.clock();
		this.due = this.due && t - this.due < e ? this.due + e : t + e, this.timer = setTimeout(() => this.tick(), Math.max(0, this.due - t));
	}
	tick() {
		if (this.timer = null, !this.playing) return;
		let e = this.frame + this.playing;
		e < 0 || e >= this.length ? this.playing = 0 : (this.frame = e, this.schedule());
	}
}, fa = (() => {
	let e = [];
	for (let t = -7; t <= 7; t++) for (let n = -7; n <= 7; n++) {
		let r = Math.exp(-Math.sqrt(t * t + n * n));
		r >= Math.exp(-7) && e.push({
			dy: t,
			dx: n,
			w: r
		});
	}
	return e;
})();
fa.length;
function pa(e) {
	let t = [
		1,
		3,
		5
	].map((t) => parseInt(e.slice(t, t + 2), 16) / 255), n = Math.hypot(t[0], t[1], t[2]) || 1;
	return t.map((e) => e / n);
}
function ma(e, t) {
	return t === "pos" ? e > 0 ? e : 0 : t === "neg" ? e < 0 ? -e : 0 : Math.abs(e);
}
function ha(e, t, n, r, i) {
	let [, a, o] = t.shape, s = new ImageData(o, a);
	return s.data.set(ga(e, t, n, r, i)), s;
}
function ga(e, t, n, r, i) {
	let [a, o, s, c] = t.shape, l = t.residual ? c - 1 : c, u = t.steps[n] / t.scale, d = o * s, f = a * d, p = n * d, m = new Float32Array(d), h = new Float32Array(d), g = new Float32Array(d);
	for (let n = 0; n < d; n++) {
		let a = p + n, o = 0, s = 0, c = 0;
		if (i !== "res") for (let n = 0; n < l; n++) {
			if (typeof i == "number" && i !== n) continue;
			let l = ma(e[a + n * f] * u, r);
			if (l === 0) continue;
			let d = t.colors[n];
			o += l * d[0], s += l * d[1], c += l * d[2];
		}
		if (t.residual && (i === "all" || i === "res")) {
			let t = ma(e[a + l * f] * u, r);
			o += t, s += t, c += t;
		}
		m[n] = o, h[n] = s, g[n] = c;
	}
	let _ = new Float32Array(d), v = new Float32Array(d), y = new Float32Array(d);
	for (let e = 0; e < o; e++) for (let t = 0; t < s; t++) {
		let n = e * s + t, r = m[n], i = h[n], a = g[n];
		if (r !== 0 || i !== 0 || a !== 0) for (let { dy: n, dx: c, w: l } of fa) {
			let u = e + n, d = t + c;
			if (u < 0 || u >= o || d < 0 || d >= s) continue;
			let f = u * s + d;
			_[f] += l * r, v[f] += l * i, y[f] += l * a;
		}
	}
	let b = new Uint8ClampedArray(4 * d);
	for (let e = 0; e < d; e++) {
		let t = _[e], n = v[e], r = y[e], i = Math.min(1, Math.hypot(t, n, r)), a = i > 0 ? 1 / i : 0;
		b[4 * e] = Math.min(1, t * a) * 255, b[4 * e + 1] = Math.min(1, n * a) * 255, b[4 * e + 2] = Math.min(1, r * a) * 255, b[4 * e + 3] = i * 255;
	}
	return b;
}
function _a(e) {
	let t = Math.max(...e), n = e.map((e) => Math.exp(e - t)), r = n.reduce((e, t) => e + t, 0);
	return n.map((e) => e / r);
}
var va = {
	"RIGHT+UP": "↗",
	"LEFT+UP": "↖",
	"RIGHT+DOWN": "↘",
	"LEFT+DOWN": "↙",
	RIGHT: "→",
	LEFT: "←",
	UP: "↑",
	DOWN: "↓"
};
function ya(e) {
	if (e === "NOOP") return [];
	let t = e.match(/UP|DOWN|LEFT|RIGHT|FIRE/g);
	return t && t.join("") === e ? t : [e];
}
function ba(e) {
	let t = e.flatMap(ya);
	if (!t.length) return "no-op";
	let n = ["LEFT", "RIGHT"].filter((e) => t.includes(e)).concat(["UP", "DOWN"].filter((e) => t.includes(e))), r = [...n.filter((e) => e === "LEFT" || e === "RIGHT"), ...n.filter((e) => e === "UP" || e === "DOWN")].join("+"), i = t.filter((e) => ![
		"LEFT",
		"RIGHT",
		"UP",
		"DOWN"
	].includes(e)), a = [];
	return r && a.push(va[r] ?? r), a.push(...i), a.join("+");
}
function xa(e) {
	if (e === void 0 || !isFinite(e)) return "–";
	if (e === 0) return "0";
	let t = Math.floor(Math.log10(Math.abs(e)));
	return t >= -2 && t < 4 ? e.toPrecision(3).replace(/\.?0+$/, (e) => e.includes(".") ? "" : e) : `${(e / 10 ** t).toPrecision(3)}×10^${t}`;
}
// src/state/shown.svelte.ts
var Sa = class {
	v;
	#e = /* @__PURE__ */ M(null);
	get series() {
		return H(this.#e);
	}
	set series(e) {
		N(this.#e, e);
	}
	#t = /* @__PURE__ */ M(null);
	get sprite() {
		return H(this.#t);
	}
	set sprite(e) {
		N(this.#t, e);
	}
	#n = /* @__PURE__ */ M({});
	get units() {
		return H(this.#n);
	}
	set units(e) {
		N(this.#n, e);
	}
	#r = /* @__PURE__ */ M(null);
	get full() {
		return H(this.#r);
	}
	set full(e) {
		N(this.#r, e);
	}
	constructor(e) {
		this.v = e;
	}
	#i = /* @__PURE__ */ A(() => [
		this.v.run,
		this.v.step,
		this.v.traj,
		this.v.frame
	].join("\0"));
	get fullKey() {
		return H(this.#i);
	}
	set fullKey(e) {
		N(this.#i, e);
	}
	unitKey(e) {
		let t = this.v;
		return `${t.run}\u0000${t.step}\u0000${t.layer}\u0000${t.traj}\u0000${e}`;
	}
	unit(e) {
		return this.units[this.unitKey(e)];
	}
	clear() {
		this.units = {};
	}
	cell(e, t) {
		let n = this.v, r = n.manifest;
		if (!r || !this.sprite) return null;
		let i = {
			sprite: this.sprite,
			frameColumns: r.assets.frame_columns,
			obsShape: r.probe_set.observation_shape,
			t: n.frame,
			kind: t,
			overlay: n.overlay,
			fullShape: n.useFull ? r.full_resolution.shape : null,
			full: n.useFull && this.full?.key === this.fullKey ? this.full.img : null
		};
		if (t === "obs" || e === null) return i;
		let a = this.unit(e);
		if (!a) return i;
		let o = {
			shape: a.unit.shape,
			residual: !n.isInput,
			colors: n.colors,
			steps: a.unit.steps,
			scale: a.unit.scale
		};
		return {
			...i,
			q: a.q,
			info: o,
			mode: n.mode,
			key: this.unitKey(e)
		};
	}
	start() {
		let e = this.v, t = e.source;
		return _n(() => {
			R(() => {
				if (!e.manifest) return;
				let [n, r, i] = [
					e.run,
					e.step,
					e.traj
				], a = () => n === e.run && r === e.step && i === e.traj;
				t.series(n, r, i).then((t) => {
					a() && (this.series = t, e.loaded("series", n, r));
				}, (t) => {
					a() && (this.series = null), e.fail("series", n, r, t);
				}), t.image("frames", n, r, { traj: i }).then((t) => {
					a() && (this.sprite = t, e.loaded("frames", n, r));
				}, (t) => {
					a() && (this.sprite = null), e.fail("frames", n, r, t);
				});
			}), R(() => {
				if (!e.manifest || !e.layer) return;
				let n = [...new Set(e.activeRows.map(({ key: e }) => e))], [r, i, a, o] = [
					e.run,
					e.step,
					e.layer,
					e.traj
				];
				U(() => {
					let s = new Set(n.map((e) => this.unitKey(e))), c = Object.entries(this.units).filter(([e]) => s.has(e));
					c.length !== Object.keys(this.units).length && (this.units = Object.fromEntries(c));
					for (let s of n) {
						let n = this.unitKey(s);
						if (this.units[n]) continue;
						let c = `attribution (layer ${a}, output ${s})`;
						Promise.all([t.unit(r, i, a, o, s), t.attribution(r, i, a, o, s)]).then(([t, a]) => {
							this.unitKey(s) === n && (this.units = {
								...this.units,
								[n]: {
									unit: t,
									q: a
								}
							}), e.loaded(c, r, i);
						}).catch((t) => e.fail(c, r, i, t));
					}
				});
			}), R(() => {
				if (!e.useFull) return;
				let [n, r, i, a, o, s] = [
					e.run,
					e.step,
					e.traj,
					e.frame,
					this.fullKey,
					e.T
				];
				t.fullFrame(n, r, {
					traj: i,
					frame: a
				}).then((t) => {
					this.fullKey === o && (this.full = {
						key: o,
						img: t
					}), e.loaded("full-resolution frames", n, r);
				}).catch((t) => e.fail("full-resolution frames", n, r, t));
				for (let e = 1; e <= 3; e++) a + e < s && t.fullFrame(n, r, {
					traj: i,
					frame: a + e
				}).catch(() => {});
			});
		});
	}
}, Ca = [
	{
		label: "red",
		color: "#ff0000"
	},
	{
		label: "green",
		color: "#00ff00"
	},
	{
		label: "blue",
		color: "#0000ff"
	}
], wa = "No RL Clarity analysis in this logdir yet: run 'rl-clarity analyze CHECKPOINT --logdir LOGDIR'.", Ta = class {
	source;
	#e = /* @__PURE__ */ M(new da());
	get playback() {
		return H(this.#e);
	}
	set playback(e) {
		N(this.#e, e);
	}
	#t = /* @__PURE__ */ M([]);
	get runs() {
		return H(this.#t);
	}
	set runs(e) {
		N(this.#t, e);
	}
	#n = /* @__PURE__ */ M([]);
	get problems() {
		return H(this.#n);
	}
	set problems(e) {
		N(this.#n, e);
	}
	#r = /* @__PURE__ */ M("");
	get run() {
		return H(this.#r);
	}
	set run(e) {
		N(this.#r, e, !0);
	}
	#i = /* @__PURE__ */ M(-1);
	get step() {
		return H(this.#i);
	}
	set step(e) {
		N(this.#i, e, !0);
	}
	#a = /* @__PURE__ */ M(null);
	get manifest() {
		return H(this.#a);
	}
	set manifest(e) {
		N(this.#a, e);
	}
	#o = /* @__PURE__ */ M("");
	get layer() {
		return H(this.#o);
	}
	set layer(e) {
		N(this.#o, e, !0);
	}
	#s = /* @__PURE__ */ M(qt(["v"]));
	get rows() {
		return H(this.#s);
	}
	set rows(e) {
		N(this.#s, e, !0);
	}
	#c = /* @__PURE__ */ M(!1);
	get abs() {
		return H(this.#c);
	}
	set abs(e) {
		N(this.#c, e, !0);
	}
	#l = /* @__PURE__ */ M(!0);
	get overlay() {
		return H(this.#l);
	}
	set overlay(e) {
		N(this.#l, e, !0);
	}
	#u = /* @__PURE__ */ M(!1);
	get residual() {
		return H(this.#u);
	}
	set residual(e) {
		N(this.#u, e, !0);
	}
	#d = /* @__PURE__ */ M(!0);
	get hires() {
		return H(this.#d);
	}
	set hires(e) {
		N(this.#d, e, !0);
	}
	#f = /* @__PURE__ */ M(null);
	get hover() {
		return H(this.#f);
	}
	set hover(e) {
		N(this.#f, e, !0);
	}
	#p = /* @__PURE__ */ M(null);
	get feature() {
		return H(this.#p);
	}
	set feature(e) {
		N(this.#p, e, !0);
	}
	#m = /* @__PURE__ */ M(0);
	get expandIdx() {
		return H(this.#m);
	}
	set expandIdx(e) {
		N(this.#m, e, !0);
	}
	#h = /* @__PURE__ */ M(0);
	get subdivIdx() {
		return H(this.#h);
	}
	set subdivIdx(e) {
		N(this.#h, e, !0);
	}
	#g = /* @__PURE__ */ M("");
	get error() {
		return H(this.#g);
	}
	set error(e) {
		N(this.#g, e, !0);
	}
	#_ = /* @__PURE__ */ M({});
	get failures() {
		return H(this.#_);
	}
	set failures(e) {
		N(this.#_, e);
	}
	#v = /* @__PURE__ */ A(() => Object.values(this.failures));
	get notices() {
		return H(this.#v);
	}
	set notices(e) {
		N(this.#v, e);
	}
	data = new Sa(this);
	#y = /* @__PURE__ */ M(null);
	get featureColors() {
		return H(this.#y);
	}
	set featureColors(e) {
		N(this.#y, e);
	}
	#b = /* @__PURE__ */ M([]);
	get unmatched() {
		return H(this.#b);
	}
	set unmatched(e) {
		N(this.#b, e);
	}
	#x = /* @__PURE__ */ A(() => this.manifest?.probe_set.steps ?? 0);
	get T() {
		return H(this.#x);
	}
	set T(e) {
		N(this.#x, e);
	}
	#S = /* @__PURE__ */ A(() => this.manifest?.probe_set.trajectories ?? 0);
	get E() {
		return H(this.#S);
	}
	set E(e) {
		N(this.#S, e);
	}
	#C = /* @__PURE__ */ A(() => this.manifest?.layers.find((e) => e.name === this.layer));
	get layerInfo() {
		return H(this.#C);
	}
	set layerInfo(e) {
		N(this.#C, e);
	}
	#w = /* @__PURE__ */ A(() => this.layerInfo?.kind === "input");
	get isInput() {
		return H(this.#w);
	}
	set isInput(e) {
		N(this.#w, e);
	}
	#T = /* @__PURE__ */ A(() => this.layerInfo?.channels?.length ? this.layerInfo.channels : Ca);
	get inputChannels() {
		return H(this.#T);
	}
	set inputChannels(e) {
		N(this.#T, e);
	}
	#E = /* @__PURE__ */ A(() => this.layerInfo ? this.isInput ? this.inputChannels.length : this.layerInfo.features : 0);
	get K() {
		return H(this.#E);
	}
	set K(e) {
		N(this.#E, e);
	}
	#D = /* @__PURE__ */ A(() => this.featureColors ?? this.manifest?.feature_colors ?? []);
	get palette() {
		return H(this.#D);
	}
	set palette(e) {
		N(this.#D, e);
	}
	#O = /* @__PURE__ */ A(() => this.isInput ? this.inputChannels.map((e) => pa(e.color)) : this.palette.map(pa));
	get colors() {
		return H(this.#O);
	}
	set colors(e) {
		N(this.#O, e);
	}
	#k = /* @__PURE__ */ A(() => this.hover ?? (this.residual && !this.isInput ? "all" : "prin"));
	get mode() {
		return H(this.#k);
	}
	set mode(e) {
		N(this.#k, e);
	}
	#A = /* @__PURE__ */ A(() => this.abs ? ["abs"] : ["pos", "neg"]);
	get directions() {
		return H(this.#A);
	}
	set directions(e) {
		N(this.#A, e);
	}
	#j = /* @__PURE__ */ A(() => (this.manifest?.action_combos ?? []).map(ba));
	get labels() {
		return H(this.#j);
	}
	set labels(e) {
		N(this.#j, e);
	}
	#M = /* @__PURE__ */ A(() => this.rows.flatMap((e, t) => e === null ? [] : [{
		key: e,
		i: t
	}]));
	get activeRows() {
		return H(this.#M);
	}
	set activeRows(e) {
		N(this.#M, e);
	}
	#N = /* @__PURE__ */ A(() => this.runs.find((e) => e.run === this.run)?.steps ?? []);
	get stepsOfRun() {
		return H(this.#N);
	}
	set stepsOfRun(e) {
		N(this.#N, e);
	}
	#P = /* @__PURE__ */ A(() => !!this.manifest?.full_resolution);
	get hasFull() {
		return H(this.#P);
	}
	set hasFull(e) {
		N(this.#P, e);
	}
	#F = /* @__PURE__ */ A(() => this.hasFull && this.hires);
	get useFull() {
		return H(this.#F);
	}
	set useFull(e) {
		N(this.#F, e);
	}
	seq = 0;
	constructor(e) {
		this.source = e;
	}
	get traj() {
		return this.playback.traj;
	}
	get frame() {
		return this.playback.frame;
	}
	get playing() {
		return this.playback.playing;
	}
	async loadRuns(e = !1) {
		try {
			let t = await this.source.runs(e);
			return this.runs = t.runs, this.problems = t.problems, this.error = t.runs.length || t.problems.length ? "" : wa, !0;
		} catch (e) {
			return this.error = `could not load the list of runs: ${ca(e)}`, !1;
		}
	}
	async load(e, t) {
		let n = ++this.seq;
		this.playback.pause(), this.error = "";
		let r;
		try {
			r = await this.source.manifest(e, t);
		} catch (r) {
			return n === this.seq && (this.error = la("the analysis (manifest)", e, t, r)), !1;
		}
		if (n !== this.seq) return !1;
		this.failures = {}, this.run = e, this.step = t, this.manifest = r, this.data.clear(), this.feature = null, r.layers.some((e) => e.name === this.layer) || (this.layer = r.default_layer);
		let i = r.outputs.map((e) => e.key), a = this.rows.filter((e) => e === null || i.includes(e));
		return this.rows = a.some((e) => e !== null) ? a : ["v"], this.playback.setLength(r.probe_set.steps), this.traj >= r.probe_set.trajectories && (this.playback.traj = r.probe_set.trajectories - 1), this.expandIdx = Math.max(0, r.features.expand_mults.indexOf(r.features.expand_default)), this.subdivIdx = Math.max(0, r.features.subdiv_mults.indexOf(r.features.subdiv_default)), !0;
	}
	async apply(e) {
		let t = [];
		if (!this.runs.length) return e.run !== void 0 && t.push(`run "${e.run}" is not analysed: there are no analyses`), t;
		let n = e.run === void 0 ? void 0 : this.runs.find((t) => t.run === e.run), r = this.runs.find((e) => e.run === this.run) ?? this.runs[0];
		e.run !== void 0 && !n && t.push(`run "${e.run}" is not analysed here: showing "${r.run}"`), n ??= r;
		let i = n.steps[n.steps.length - 1], a = e.step ?? (n.run === this.run ? this.step : i);
		return e.step !== void 0 && !n.steps.includes(e.step) && t.push(`step ${e.step} of "${n.run}" is not analysed: showing step ${i}`), n.steps.includes(a) || (a = i), (n.run !== this.run || a !== this.step || !this.manifest) && !await this.load(n.run, a) ? t : t.concat(this.applyView(e));
	}
	applyView(e) {
		let t = this.manifest;
		if (!t) return [];
		let n = [], r = `${this.run} @ step ${this.step}`;
		if (e.layer !== void 0 && (t.layers.some((t) => t.name === e.layer) ? this.layer = e.layer : n.push(`layer "${e.layer}" is not analysed in ${r}: showing layer ${this.layer}`)), e.rows !== void 0) {
			let i = t.outputs.map((e) => e.key), a = e.rows.filter((e) => !i.includes(e)), o = e.rows.filter((e) => i.includes(e));
			a.length && n.push(`output${a.length > 1 ? "s" : ""} ${a.map((e) => `"${e}"`).join(", ")} not analysed in ${r}: left out`), this.rows = o.length ? o : ["v"];
		}
		e.abs !== void 0 && (this.abs = e.abs), e.overlay !== void 0 && (this.overlay = e.overlay), e.residual !== void 0 && (this.residual = e.residual);
		let i = t.probe_set.trajectories, a = t.probe_set.steps;
		if (e.traj !== void 0) {
			let t = Math.min(Math.max(e.traj, 0), i - 1);
			t !== e.traj && n.push(`trajectory ${e.traj + 1} does not exist (1-${i}): showing ${t + 1}`), this.playback.traj = t;
		}
		if (e.frame !== void 0) {
			let t = this.playback.seek(e.frame);
			t !== e.frame && n.push(`frame ${e.frame + 1} does not exist (1-${a}): showing ${t + 1}`);
		}
		return n;
	}
	urlState() {
		return {
			run: this.run,
			step: this.step,
			layer: this.layer,
			traj: this.traj,
			frame: this.frame,
			rows: this.activeRows.map((e) => e.key),
			abs: this.abs,
			overlay: this.overlay,
			residual: this.residual
		};
	}
	setLayer(e) {
		this.manifest?.layers.some((t) => t.name === e) && (this.layer = e);
	}
	setTraj(e) {
		e >= 0 && e < this.E && (this.playback.traj = e);
	}
	jump(e, t) {
		this.playback.pause(), this.setTraj(e), this.playback.seek(t);
	}
	fail(e, t, n, r) {
		if (t !== this.run || n !== this.step) return;
		let i = la(e, t, n, r);
		this.failures[e] !== i && (this.failures = {
			...this.failures,
			[e]: i
		});
	}
	loaded(e, t, n) {
		if (t !== this.run || n !== this.step || !(e in this.failures)) return;
		let { [e]: r, ...i } = this.failures;
		this.failures = i;
	}
	addRow() {
		let e = [...this.rows].reverse().find((e) => e !== null) ?? "v";
		this.rows = [...this.rows, e];
	}
	removeRow(e) {
		this.activeRows.length > 1 && (this.rows = this.rows.map((t, n) => n === e ? null : t));
	}
	setRow(e, t) {
		this.manifest?.outputs.some((e) => e.key === t) && (this.rows[e] = t);
	}
	openFeature(e) {
		e >= 0 && e < this.K && !this.isInput && (this.feature = e);
	}
	closeFeature() {
		let e = this.feature !== null;
		return this.feature = null, e;
	}
	zoom(e) {
		let t = this.manifest?.features.expand_mults.length ?? 1;
		this.expandIdx = Math.min(Math.max(this.expandIdx + Math.sign(e), 0), t - 1);
	}
	start() {
		return this.data.start();
	}
};
// src/state/compare.svelte.ts
function Ea(e, t) {
	return !!e && !!t && e.probe_set.id !== void 0 && e.probe_set.id === t.probe_set.id;
}
function Da(e, t) {
	let n = t.find((t) => t.run === e.run)?.steps ?? [], r = n.indexOf(e.step);
	if (n.length > 1) return {
		run: e.run,
		step: n[r > 0 ? r - 1 : 1]
	};
	let i = t.find((t) => t.run !== e.run);
	return i ? {
		run: i.run,
		step: i.steps[i.steps.length - 1]
	} : { ...e };
}
var Oa = class {
	source;
	#e = /* @__PURE__ */ M(null);
	get a() {
		return H(this.#e);
	}
	set a(e) {
		N(this.#e, e);
	}
	#t = /* @__PURE__ */ M(null);
	get b() {
		return H(this.#t);
	}
	set b(e) {
		N(this.#t, e);
	}
	#n = /* @__PURE__ */ M([]);
	get runs() {
		return H(this.#n);
	}
	set runs(e) {
		N(this.#n, e);
	}
	#r = /* @__PURE__ */ M(null);
	get match() {
		return H(this.#r);
	}
	set match(e) {
		N(this.#r, e);
	}
	#i = /* @__PURE__ */ M("a");
	get active() {
		return H(this.#i);
	}
	set active(e) {
		N(this.#i, e, !0);
	}
	#a = /* @__PURE__ */ M("");
	get error() {
		return H(this.#a);
	}
	set error(e) {
		N(this.#a, e, !0);
	}
	#o = /* @__PURE__ */ A(() => Ea(this.a.manifest, this.b.manifest));
	get shared() {
		return H(this.#o);
	}
	set shared(e) {
		N(this.#o, e);
	}
	#s = /* @__PURE__ */ A(() => !!this.a.manifest && !!this.b.manifest);
	get ready() {
		return H(this.#s);
	}
	set ready(e) {
		N(this.#s, e);
	}
	#c = /* @__PURE__ */ A(() => this.shared || this.active === "a" ? this.a.playback : this.b.playback);
	get playback() {
		return H(this.#c);
	}
	set playback(e) {
		N(this.#c, e);
	}
	constructor(e) {
		this.source = e, this.a = new Ta(e), this.b = new Ta(e);
	}
	label(e) {
		let t = e === "a" ? this.a : this.b;
		return t.manifest ? `${e.toUpperCase()}: ${t.run} @ step ${t.step}` : e.toUpperCase();
	}
	stepsOf(e) {
		return this.runs.find((t) => t.run === e)?.steps ?? [];
	}
	has(e) {
		return !!e && this.stepsOf(e.run).includes(e.step);
	}
	async open(e, t = null) {
		let n = [];
		try {
			this.runs = (await this.source.runs(!1)).runs;
		} catch (e) {
			return this.error = `could not load the list of runs: ${ca(e)}`, n;
		}
		if (!this.runs.length) return n;
		this.a.runs = this.b.runs = this.runs;
		let r = (e, t) => e !== void 0 && t !== void 0 ? {
			run: e,
			step: t
		} : null, i = this.runs[0], a = t?.a ?? r(e.run, e.step) ?? {
			run: i.run,
			step: i.steps[i.steps.length - 1]
		};
		if (!this.has(a)) {
			let e = {
				run: i.run,
				step: i.steps[i.steps.length - 1]
			};
			n.push(`A: no analysis of "${a.run}" at step ${a.step}: showing ${e.run} @ step ${e.step}`), a = e;
		}
		let o = t?.b ?? r(e.run_b, e.step_b);
		if (o && !this.has(o)) {
			let e = Da(a, this.runs);
			n.push(`B: no analysis of "${o.run}" at step ${o.step}: showing ${e.run} @ step ${e.step}`), o = e;
		}
		o ??= Da(a, this.runs);
		let s = {
			layer: e.layer,
			rows: e.rows,
			abs: e.abs,
			overlay: e.overlay,
			residual: e.residual
		}, [c, l] = await Promise.all([this.a.apply({
			...a,
			...s,
			traj: e.traj,
			frame: e.frame
		}), this.b.apply({
			...o,
			...s,
			traj: e.traj_b ?? e.traj,
			frame: e.frame_b ?? e.frame
		})]);
		return n.concat(c.map((e) => `A: ${e}`), l.map((e) => `B: ${e}`));
	}
	async choose(e, t, n) {
		let r = e === "a" ? this.a : this.b, i = this.stepsOf(t), a = n !== void 0 && i.includes(n) ? n : i.includes(r.step) ? r.step : i[i.length - 1];
		a !== void 0 && await r.load(t, a);
	}
	swap() {
		[this.a, this.b] = [this.b, this.a];
	}
	urlState() {
		let e = this.b;
		return {
			...this.a.urlState(),
			run_b: e.run,
			step_b: e.step,
			...this.shared ? {} : {
				traj_b: e.traj,
				frame_b: e.frame
			}
		};
	}
	state() {
		let e = (e) => ({
			traj: e.traj,
			frame: e.frame,
			layer: e.layer
		}), t = (e) => e.manifest ? {
			run: e.run,
			step: e.step
		} : null;
		return {
			mode: "compare",
			a: t(this.a),
			b: t(this.b),
			shared: this.shared,
			navA: e(this.a),
			navB: e(this.b),
			match: this.match
		};
	}
	start() {
		let e = [this.a.start(), this.b.start()], t = _n(() => {
			R(() => {
				let [e, t, n] = [
					this.a,
					this.b,
					this.shared
				];
				U(() => {
					if (n && t.playback !== e.playback) t.playback.dispose(), t.playback = e.playback;
					else if (!n && t.manifest && t.playback === e.playback) {
						let n = new da();
						n.traj = Math.min(e.traj, Math.max(t.E - 1, 0)), n.setLength(t.T), n.seek(e.frame), t.playback = n;
					}
				});
			}), R(() => {
				let e = this.a.layer;
				U(() => {
					e && this.b.layer !== e && this.b.setLayer(e);
				});
			}), R(() => {
				let e = this.b.layer;
				U(() => {
					e && this.a.layer !== e && this.a.setLayer(e);
				});
			}), R(() => {
				let [e, t] = [this.a, this.b];
				if (!e.manifest || !t.manifest || !e.layer) return;
				let n = [
					e.run,
					e.step,
					t.run,
					t.step,
					e.layer
				];
				this.match = null, this.source.match(...n).then((r) => {
					e === this.a && t === this.b && [
						e.run,
						e.step,
						t.run,
						t.step,
						e.layer
					].every((e, t) => e === n[t]) && (this.match = r, this.error = "");
				}).catch((e) => {
					this.error = `could not load the feature matching of layer ${n[4]} between ${n[0]} step ${n[1]} and ${n[2]} step ${n[3]}: ${ca(e)}`;
				});
			}), R(() => {
				let e = this.match, [t, n] = [this.a, this.b];
				U(() => {
					t.featureColors = e?.colors_a ?? null, n.featureColors = e?.colors_b ?? null, t.unmatched = e?.method ? e.unmatched_a : [], n.unmatched = e?.method ? e.unmatched_b : [];
				});
			});
		});
		return () => {
			t();
			for (let t of e) t();
			this.a.playback.dispose(), this.b.playback.dispose();
		};
	}
};
// src/charts.ts
function ka(e, t = null) {
	let n = t && t.length === e.length ? [...e, ...t] : e, r = Infinity, i = -Infinity;
	for (let e of n) e < r && (r = e), e > i && (i = e);
	return [r, i];
}
function Aa(e, t, n) {
	return (n > t ? 1 - (e - t) / (n - t) : .5) * 90 + 5;
}
function ja(e, t, n, r) {
	let i = [], a = [];
	return e.forEach((o, s) => {
		a.push(`${s + .5},${Aa(o, n, r).toFixed(2)}`), (t[s] || s === e.length - 1) && (i.push(a.join(" ")), a = []);
	}), i;
}
function Ma(e) {
	return e.map((e, t) => e ? t + 1 : -1).filter((e) => e > 0);
}
function Na(e, t, n) {
	return {
		width: e / n * 100,
		left: (.5 - (t + .5) / n) * 100
	};
}
function Pa(e, t, n, r, i) {
	return e + (t - n) / r * i;
}
function Fa(e, t, n, r) {
	let i = Math.floor(t + .5 + (e - .5) * n);
	return Math.min(Math.max(i, 0), Math.max(r - 1, 0));
}
function Ia(e, t, n) {
	return n > 0 ? (e - t) / n : .5;
}
function La(e, t) {
	return [...e].sort((e, t) => e - t)[Math.floor(t * (e.length - 1))];
}
function Ra(e) {
	let t = e.map((e) => Math.max(...e)), n = e.map((e) => Math.min(...e));
	return {
		upper: Math.max(0, La(t, .9), Math.max(...t) / 5),
		lower: Math.min(0, La(n, .1), Math.min(...n) / 5)
	};
}
function za(e, t) {
	let { upper: n, lower: r } = t, i = n - r || 1;
	return {
		bars: e.map((t, a) => {
			let o = Math.max(r, Math.min(n, t));
			return {
				k: a,
				top: (n - Math.max(o, 0)) / i * 100,
				height: Math.abs(o) / i * 100,
				residual: a === e.length - 1
			};
		}),
		zero: n / i * 100
	};
}
function Ba(e, t) {
	return Math.round((.75 * (t > 1 ? e / (t - 1) : 0) + .1875) * 255);
}
function Va(e) {
	return e == null || !isFinite(e) ? "–" : `${(e * 100).toFixed(2)}%`;
}
// src/components/Choice.svelte
var Ha = /* @__PURE__ */ G("<option> </option>"), Ua = /* @__PURE__ */ G("<select></select>"), Wa = {
	hash: "svelte-ypasjh",
	code: ".fixed.svelte-ypasjh {appearance:none;border:none;background:none;color:inherit;font:inherit;font-weight:bold;padding:0;opacity:1;cursor:default;}"
};
function Ga(e, t) {
	D(t, !0), Z(e, Wa);
	let n = $(t, "wide", 3, "24em"), r = /* @__PURE__ */ A(() => t.options.length <= 1);
	var i = Ua();
	let a, o;
	X(i, 21, () => t.options, Y, (e, t) => {
		var n = Ha(), r = I(n, !0), i = {};
		z(() => {
			q(r, H(t).label), i !== (i = H(t).value) && (n.value = (n.__value = i) ?? "");
		}), K(e, n);
	}), E(i);
	var s;
	ni(i), z((e) => {
		Q(i, "data-testid", t.testid), i.disabled = H(r), Q(i, "title", e), a = Xr(i, 1, "svelte-ypasjh", null, a, { fixed: H(r) }), o = Qr(i, "", o, { "max-width": n() }), s !== (s = t.value) && (i.value = (i.__value = s) ?? "", ti(i, s));
	}, [() => H(r) ? null : t.options.find((e) => e.value === t.value)?.label]), W("change", i, (e) => t.onchoose(e.currentTarget.value)), K(e, i), O();
}
hr(["change"]);
async function Ka(e, t, n, r, i) {
	let a = t.layout;
	if (!a) return null;
	let o = [...new Set(t.indices)];
	if (o.length > 64) return null;
	let [s, c] = n, l = r[0] / s, u = r[1] / c, d = /* @__PURE__ */ new Map();
	await Promise.all(o.map(async (e) => d.set(e, await i(e))));
	let f = document.createElement("canvas");
	f.width = e.naturalWidth, f.height = e.naturalHeight;
	let p = f.getContext("2d", { willReadFrequently: !0 });
	p.drawImage(e, 0, 0);
	let m = p.getImageData(0, 0, f.width, f.height).data, h = document.createElement("canvas");
	h.width = Math.round(f.width * u), h.height = Math.round(f.height * l);
	let g = h.getContext("2d");
	g.imageSmoothingEnabled = !1, g.drawImage(f, 0, 0, h.width, h.height), g.imageSmoothingEnabled = !0;
	let _ = a.rows_lo.map((e, t) => Math.max(a.rows_hi[t] - e, 0)), v = a.cols_lo.map((e, t) => Math.max(a.cols_hi[t] - e, 0)), y = 0;
	for (let e = 0; e < _.length; e++) {
		let n = 0;
		for (let r = 0; r < v.length; r++) {
			if (_[e] && v[r]) {
				let i = Math.max(a.rows_lo[e] - a.pad_rows, 0), o = Math.min(a.rows_hi[e] - a.pad_rows, s), p = Math.max(a.cols_lo[r] - a.pad_cols, 0), h = Math.min(a.cols_hi[r] - a.pad_cols, c);
				if (o > i && h > p) {
					let s = m[(y * f.width + n) * 4 + 3] / 255, c = y + (i - (a.rows_lo[e] - a.pad_rows)), _ = n + (p - (a.cols_lo[r] - a.pad_cols)), b = d.get(t.indices[e * v.length + r]);
					g.clearRect(_ * u, c * l, (h - p) * u, (o - i) * l), g.globalAlpha = s, g.drawImage(b, p * u, i * l, (h - p) * u, (o - i) * l, _ * u, c * l, (h - p) * u, (o - i) * l), g.globalAlpha = 1;
				}
			}
			n += v[r];
		}
		y += _[e];
	}
	return h.toDataURL("image/png");
}
// src/components/FeaturePopup.svelte
var qa = /* @__PURE__ */ G("<span class=\"pane svelte-dtuciw\" data-testid=\"popup-pane\"> </span>"), Ja = /* @__PURE__ */ G("<span data-testid=\"popup-full-note\"> </span>"), Ya = /* @__PURE__ */ G("<canvas data-testid=\"popup-observation\" class=\"svelte-dtuciw\"></canvas>"), Xa = /* @__PURE__ */ G("<img data-testid=\"popup-image\" draggable=\"false\" class=\"svelte-dtuciw\"/>"), Za = /* @__PURE__ */ G("<div data-testid=\"feature-popup\" role=\"dialog\" tabindex=\"-1\"><div class=\"head svelte-dtuciw\"><b><!> </b> <button data-testid=\"popup-close\">close</button></div> <p class=\"small\">Dataset examples by spatial position. Press to view example, scroll to zoom. <!></p> <div class=\"sliders svelte-dtuciw\"><label class=\"svelte-dtuciw\">zoom in <input data-testid=\"zoom-slider\" type=\"range\" min=\"0\"/> zoom out</label> <label class=\"svelte-dtuciw\">fewer patches <input data-testid=\"patches-slider\" type=\"range\" min=\"0\"/> more patches</label></div> <div class=\"view svelte-dtuciw\" role=\"button\" tabindex=\"0\" aria-label=\"press to view the example\"><!></div></div>"), Qa = {
	hash: "svelte-dtuciw",
	code: ".popup.svelte-dtuciw {position:fixed;top:2em;left:50%;transform:translateX(-50%);width:40em;max-width:calc(100vw - 2em);box-sizing:border-box;background:#fff;border:1px solid #888;box-shadow:0 4px 24px rgba(0,0,0,0.3);padding:0.8em;z-index:10;}\n  /* the compare view's panes side by side: over the other pane's timeline and attribution */.popup.right.svelte-dtuciw {left:calc(50% + 1em);transform:none;}.popup.left.svelte-dtuciw {left:1em;transform:none;}.head.svelte-dtuciw {display:flex;justify-content:space-between;gap:1em;}.pane.svelte-dtuciw {background:#1f6fd1;color:#fff;padding:0 0.4em;margin-right:0.5em;border-radius:3px;}.sliders.svelte-dtuciw label:where(.svelte-dtuciw) {display:block;}.view.svelte-dtuciw {width:min(36em, 100%);aspect-ratio:1;margin:0 auto;cursor:pointer;background:repeating-conic-gradient(#ddd 0 25%, #fff 0 50%) 0 0 / 16px 16px;}.view.svelte-dtuciw img:where(.svelte-dtuciw), .view.svelte-dtuciw canvas:where(.svelte-dtuciw) {width:100%;height:100%;image-rendering:pixelated;display:block;opacity:0.999;}"
};
function $a(e, t) {
	D(t, !0), Z(e, Qa);
	let n = $(t, "viewer", 7), r = $(t, "label", 3, ""), i = $(t, "place", 3, "center"), a = /* @__PURE__ */ A(() => n().manifest), o = /* @__PURE__ */ A(() => H(a).features), s = /* @__PURE__ */ A(() => n().feature ?? 0), c = /* @__PURE__ */ A(() => `${n().run}\u0000${n().step}\u0000${n().layer}\u0000${H(s)}\u0000${n().subdivIdx}\u0000${n().expandIdx}`), l = /* @__PURE__ */ M(null), u = /* @__PURE__ */ M(null), d = /* @__PURE__ */ M(null), f = /* @__PURE__ */ M(void 0);
	R(() => {
		let e = {
			layer: n().layer,
			feature: H(s),
			subdiv: String(H(o).subdiv_mults[n().subdivIdx]),
			expand: String(H(o).expand_mults[n().expandIdx])
		}, [t, r, i, d, f, p] = [
			n().run,
			n().step,
			H(c),
			H(a),
			n().useFull,
			n().source
		], m = `feature pictures of layer ${e.layer}`;
		p.image("feature", t, r, e).then(async (a) => {
			if (H(c) !== i || (N(l, a, !0), n().loaded(m, t, r), !f)) return;
			let o = await Ka(a, await p.featureGrid(t, r, e.layer, e.feature, Number(e.subdiv), Number(e.expand)), d.probe_set.observation_shape, d.full_resolution.shape, (e) => p.fullFrame(t, r, { obs: e }));
			H(c) === i && N(u, {
				key: i,
				src: o
			}, !0);
		}).catch((e) => n().fail(m, t, r, e));
	});
	let p = /* @__PURE__ */ A(() => n().useFull && H(u)?.key === H(c) && H(u).src ? H(u).src : H(l)?.src ?? ""), m = 0;
	function h(e) {
		e.preventDefault();
		let t = performance.now();
		t - m < 100 || (m = t, n().zoom(e.deltaY));
	}
	let g = 0, _ = 0;
	async function v(e) {
		if (e.button !== 0) return;
		let t = ++_;
		g = t;
		let r = e.currentTarget.getBoundingClientRect(), i;
		try {
			i = await n().source.featureGrid(n().run, n().step, n().layer, H(s), H(o).subdiv_mults[n().subdivIdx], H(o).expand_mults[n().expandIdx]);
		} catch (e) {
			n().fail(`feature grids of layer ${n().layer}`, n().run, n().step, e);
			return;
		}
		let a = Math.min(i.cols - 1, Math.floor((e.clientX - r.left) / r.width * i.cols)), c = Math.min(i.rows - 1, Math.floor((e.clientY - r.top) / r.height * i.rows));
		g === t && N(d, i.indices[c * i.cols + a], !0);
	}
	R(() => {
		if (H(d) === null || !H(f)) return;
		let [e, [t, r], i, o] = [
			H(a).assets,
			H(a).probe_set.observation_shape,
			H(d),
			H(f)
		];
		if (n().useFull) {
			n().source.fullFrame(n().run, n().step, { obs: i }).then((e) => o.getContext("2d").drawImage(e, 0, 0, o.width, o.height)).catch((e) => n().fail("full-resolution observations", n().run, n().step, e));
			return;
		}
		let s = Math.floor(i / e.sheet_size), c = i % e.sheet_size;
		n().source.image("observations", n().run, n().step, { sheet: s }).then((n) => {
			let i = o.getContext("2d");
			i.imageSmoothingEnabled = !1, i.drawImage(n, c % e.sheet_columns * r, Math.floor(c / e.sheet_columns) * t, r, t, 0, 0, r, t);
		}, (e) => n().fail("observations", n().run, n().step, e));
	});
	let y = /* @__PURE__ */ A(() => n().useFull ? H(a).full_resolution.shape : H(a).probe_set.observation_shape);
	var b = Za();
	mr("mouseup", Xt, () => {
		g = 0, N(d, null);
	}), mr("click", Xt, () => n().closeFeature());
	var x = P(b), S = P(x), ee = P(S), te = (e) => {
		var t = qa(), n = I(t, !0);
		z(() => q(n, r())), K(e, t);
	};
	J(ee, (e) => {
		r() && e(te);
	});
	var ne = L(ee);
	E(S);
	var re = L(S, 2);
	E(x);
	var ie = L(x, 2), ae = L(P(ie)), oe = (e) => {
		var t = Ja(), n = I(t, !0);
		z(() => q(n, H(u).src ? "Patches cut from the full-resolution frames." : "Too many patches to fetch at full resolution: showing the model input (use fewer patches).")), K(e, t);
	};
	J(ae, (e) => {
		n().useFull && H(u)?.key === H(c) && e(oe);
	}), E(ie);
	var se = L(ie, 2), ce = P(se), le = L(P(ce));
	ci(le), Ee(), E(ce);
	var ue = L(ce, 2), de = L(P(ue));
	ci(de), Ee(), E(ue), E(se);
	var fe = L(se, 2), pe = P(fe), me = (e) => {
		var t = Ya();
		bi(t, (e) => N(f, e), () => H(f)), z(() => {
			Q(t, "width", H(y)[1]), Q(t, "height", H(y)[0]);
		}), K(e, t);
	}, he = (e) => {
		var t = Xa();
		z(() => {
			Q(t, "src", H(p)), Q(t, "alt", `feature ${H(s) + 1}`), Q(t, "data-full", H(p) === H(l).src ? "0" : "1");
		}), K(e, t);
	};
	J(pe, (e) => {
		H(d) === null ? H(l) && e(he, 1) : e(me);
	}), E(fe), E(b), z(() => {
		Xr(b, 1, `popup ${i() ?? ""}`, "svelte-dtuciw"), Q(b, "aria-label", `${r() ? `${r()}: ` : ""}layer ${n().layer ?? ""}, feature ${H(s) + 1}`), q(ne, `Layer ${n().layer ?? ""}, feature ${H(s) + 1}`), Q(le, "max", H(o).expand_mults.length - 1), Q(de, "max", H(o).subdiv_mults.length - 1);
	}), W("click", b, (e) => e.stopPropagation()), W("keydown", b, () => {}), W("click", re, () => n().closeFeature()), pi(le, () => n().expandIdx, (e) => n().expandIdx = e), pi(de, () => n().subdivIdx, (e) => n().subdivIdx = e), mr("wheel", fe, h), W("mousedown", fe, v), K(e, b), O();
}
hr([
	"click",
	"keydown",
	"mousedown"
]);
// src/components/Notices.svelte
var eo = /* @__PURE__ */ G("<div data-testid=\"notice\"> </div>"), to = /* @__PURE__ */ G("<div class=\"error svelte-5kucrl\" data-testid=\"error\" role=\"alert\"></div>"), no = /* @__PURE__ */ G("<li><b> </b> </li>"), ro = /* @__PURE__ */ G("<details class=\"problems svelte-5kucrl\" data-testid=\"problems\"><summary> </summary> <ul></ul></details>"), io = /* @__PURE__ */ G("<!> <!>", 1), ao = {
	hash: "svelte-5kucrl",
	code: ".error.svelte-5kucrl {background:#fde2e1;border:1px solid #d33;padding:0.4em;margin-bottom:0.5em;white-space:pre-wrap;overflow-wrap:anywhere;}.problems.svelte-5kucrl {background:#fff6d6;border:1px solid #e0b400;padding:0.3em 0.5em;margin-bottom:0.5em;overflow-wrap:anywhere;}"
};
function oo(e, t) {
	D(t, !0), Z(e, ao);
	let n = $(t, "error", 3, ""), r = $(t, "notices", 19, () => []), i = $(t, "problems", 19, () => []), a = $(t, "haveRuns", 3, !0), o = /* @__PURE__ */ A(() => [...new Set(i().map((e) => e.run))]), s = /* @__PURE__ */ A(() => [...new Set([n(), ...r()].filter(Boolean))]);
	var c = io(), l = F(c), u = (e) => {
		var t = to();
		X(t, 21, () => H(s), Y, (e, t) => {
			var n = eo(), r = I(n, !0);
			z(() => q(r, H(t))), K(e, n);
		}), E(t), K(e, t);
	};
	J(l, (e) => {
		H(s).length && e(u);
	});
	var d = L(l, 2), f = (e) => {
		var t = ro(), n = P(t), r = I(n), s = L(n, 2);
		X(s, 21, i, Y, (e, t) => {
			var n = no(), r = P(n), i = I(r, !0), a = L(r);
			E(n), z(() => {
				q(i, H(t).run), q(a, `${H(t).step === null ? "" : ` step ${H(t).step}`}: ${H(t).message ?? ""}`);
			}), K(e, n);
		}), E(s), E(t), z((e) => {
			t.open = !a(), q(r, `${i().length ?? ""} analysis problem${i().length > 1 ? "s" : ""}:
      ${e ?? ""}${H(o).length > 6 ? ", …" : ""}
      ${a() ? "(other runs are fine)" : ""}`);
		}, [() => H(o).slice(0, 6).join(", ")]), K(e, t);
	};
	J(d, (e) => {
		i().length && e(f);
	}), K(e, c), O();
}
function so(e, t, n) {
	if (n !== "int16-step-zigzag-planes-gzip") throw Error(`attribution maps in codec "${n}" cannot be read by this version`);
	let r = t.reduce((e, t) => e * t, 1);
	if (e.length !== 2 * r) throw Error(`attribution maps hold ${e.length / 2} values, expected ${t.join("x")}`);
	let i = new Int16Array(r);
	for (let t = 0; t < r; t++) {
		let n = e[t] | e[r + t] << 8;
		i[t] = n >>> 1 ^ -(n & 1);
	}
	return i;
}
function co(e, t, n) {
	let r = Math.abs(e[n].reduce((e, t) => e + t, 0) - t[n]), i = t.reduce((e, t) => e + Math.abs(t), 0) / Math.max(t.length, 1);
	return [r / Math.max(Math.abs(t[n]), 1e-12), r / Math.max(i, 1e-12)];
}
// src/outputs.ts
function lo(e, t, n) {
	let r = e?.outputs.find((e) => e.key === n);
	if (!e || !r) return n;
	if (r.kind === "v") return "value function";
	if (r.kind === "logit") return `${t[r.index] ?? r.index} logit`;
	let i = e.action_groups[r.index];
	return `[ ${r.actions.map((e) => t[e] ?? e).join(" | ")} ] logit sum` + (i ? ` (${i.name})` : "");
}
function uo(e, t, n) {
	let r = e?.outputs.find((e) => e.key === t);
	return !r || !n ? [] : r.kind === "v" ? n.values : n.logits.map((e) => r.actions.reduce((t, n) => t + e[n], 0));
}
// src/cells.ts
function fo(e) {
	let t = e.fullShape ?? e.obsShape;
	return [t[0], t[1]];
}
var po = 1500, mo = /* @__PURE__ */ new Map(), ho = !1;
function go(e) {
	let t = `${e.key}|${e.t}|${e.kind}|${e.mode}|${e.info.colors.join(";")}`, n = mo.get(t);
	if (n) return mo.delete(t), mo.set(t, n), n;
	let r = ha(e.q, e.info, e.t, e.kind, e.mode);
	return n = document.createElement("canvas"), n.width = r.width, n.height = r.height, n.getContext("2d").putImageData(r, 0, 0), mo.set(t, n), mo.size > po && mo.delete(mo.keys().next().value), n;
}
function _o(e, t) {
	let [n, r] = t.obsShape, [i, a] = fo(t), o = e.getContext("2d");
	o.imageSmoothingEnabled = !1, o.globalAlpha = 1, o.filter = "none", o.fillStyle = "#000", o.fillRect(0, 0, a, i);
	let s = t.t % t.frameColumns * r, c = Math.floor(t.t / t.frameColumns) * n, l = () => {
		t.full ? o.drawImage(t.full, 0, 0, a, i) : o.drawImage(t.sprite, s, c, r, n, 0, 0, a, i);
	};
	if (t.kind === "obs") {
		l();
		return;
	}
	if (t.overlay && (o.filter = "grayscale(1)", l(), o.filter = "none"), !t.q || !t.info) return;
	let u = go(t);
	o.globalAlpha = t.overlay ? .9 : 1, o.drawImage(u, 0, 0, u.width, u.height, 0, 0, a, i), o.globalAlpha = 1, ho || (ho = !0, document.body.dataset.firstFrameMs = String(Math.round(performance.now())));
}
// src/components/AttrCell.svelte
var vo = /* @__PURE__ */ G("<canvas></canvas>"), yo = {
	hash: "svelte-v2v5pd",
	code: "\n  /* the original's sizes: observation 14em (7/8 of the 16em video), attribution 16em; --cell\n     (the attribution table's) makes them smaller where the table has less room */.cell.svelte-v2v5pd {width:calc(var(--cell, 16em) * 0.875);height:calc(var(--cell, 16em) * 0.875);image-rendering:pixelated;background:#000;display:block;}.cell.attr.svelte-v2v5pd {width:var(--cell, 16em);height:var(--cell, 16em);}"
};
function bo(e, t) {
	D(t, !0), Z(e, yo);
	let n = $(t, "attr", 3, !1), r = /* @__PURE__ */ M(void 0);
	R(() => {
		H(r) && t.spec && _o(H(r), t.spec);
	});
	var i = vo();
	let a;
	bi(i, (e) => N(r, e), () => H(r)), z((e, r) => {
		Q(i, "data-testid", t.testid), a = Xr(i, 1, "cell svelte-v2v5pd", null, a, { attr: n() }), Q(i, "width", e), Q(i, "height", r), Q(i, "data-full", t.spec?.full ? "1" : "0");
	}, [() => t.spec ? fo(t.spec)[1] : 64, () => t.spec ? fo(t.spec)[0] : 64]), K(e, i), O();
}
// src/components/AttributionRow.svelte
var xo = /* @__PURE__ */ G("<option> </option>"), So = /* @__PURE__ */ G("<div class=\"small whole svelte-tobzqx\"> </div>"), Co = /* @__PURE__ */ G("<button>remove row</button>"), wo = /* @__PURE__ */ G("<div class=\"small\" data-testid=\"completeness\" title=\"|sum of attribution - (F(a) - F(0))| at this frame, divided by |F(a) - F(0)| of this frame, and by the mean |F(a) - F(0)| over the trajectory (robust where F(a) ~ F(0))\"> </div>"), To = /* @__PURE__ */ G("<div></div>"), Eo = /* @__PURE__ */ G("<div class=\"chart svelte-tobzqx\"><div class=\"zero svelte-tobzqx\"></div> <!></div>"), Do = /* @__PURE__ */ G("<td class=\"svelte-tobzqx\"><!></td>"), Oo = /* @__PURE__ */ G("<tr><td class=\"selector svelte-tobzqx\"><select class=\"svelte-tobzqx\"><option>value function</option><optgroup label=\"policy logits:\"></optgroup><optgroup label=\"sums of policy logits:\"></optgroup></select> <!> <!> <!></td><td class=\"svelte-tobzqx\"><!> <!></td><!></tr>"), ko = {
	hash: "svelte-tobzqx",
	code: "td.svelte-tobzqx {vertical-align:top;padding:2px;}.selector.svelte-tobzqx {width:var(--sel, 10em);max-width:var(--sel, 10em);overflow-wrap:anywhere;}.selector.svelte-tobzqx select:where(.svelte-tobzqx) {width:var(--sel, 10em);}.whole.svelte-tobzqx {overflow-wrap:anywhere;}.chart.svelte-tobzqx {position:relative;height:3.5em;width:calc(var(--cell, 16em) * 0.875);background:#f4f4f4;margin-top:2px;}.chart.svelte-tobzqx .zero:where(.svelte-tobzqx) {position:absolute;left:0;right:0;height:1px;background:#888;}.chart.svelte-tobzqx .bar:where(.svelte-tobzqx) {position:absolute;}.chart.svelte-tobzqx .bar.res:where(.svelte-tobzqx) {outline:1px solid #888;}.chart.svelte-tobzqx .bar.dashed:where(.svelte-tobzqx) {outline:1px dashed #888;}"
};
function Ao(e, t) {
	D(t, !0), Z(e, ko);
	let n = /* @__PURE__ */ A(() => t.viewer.data.unit(t.key)), r = /* @__PURE__ */ A(() => t.viewer.manifest?.outputs ?? []), i = /* @__PURE__ */ A(() => t.viewer.labels), a = /* @__PURE__ */ A(() => H(r).find((e) => e.key === t.key)), o = /* @__PURE__ */ A(() => lo(t.viewer.manifest, H(i), t.key)), s = (e) => e.map((e) => H(i)[e] ?? e).join(" | "), c = /* @__PURE__ */ A(() => H(n)?.unit.totals ? Ra(H(n).unit.totals) : null), l = /* @__PURE__ */ A(() => H(c) && H(n)?.unit.totals?.[t.viewer.frame] ? za(H(n).unit.totals[t.viewer.frame], H(c)) : null), u = /* @__PURE__ */ A(() => H(n)?.unit.totals && H(n).unit.delta && H(n).unit.totals[t.viewer.frame] ? co(H(n).unit.totals, H(n).unit.delta, t.viewer.frame) : null);
	var d = Oo(), f = P(d), p = P(f), m = P(p);
	m.value = m.__value = "v";
	var h = L(m);
	X(h, 21, () => H(r).filter((e) => e.kind === "logit"), Y, (e, t) => {
		var n = xo(), r = I(n), a = {};
		z(() => {
			q(r, `${H(i)[H(t).index] ?? ""} logit`), a !== (a = H(t).key) && (n.value = (n.__value = a) ?? "");
		}), K(e, n);
	}), E(h);
	var g = L(h);
	X(g, 21, () => H(r).filter((e) => e.kind === "group"), Y, (e, t) => {
		var n = xo(), r = I(n, !0), i = {};
		z((e) => {
			q(r, e), i !== (i = H(t).key) && (n.value = (n.__value = i) ?? "");
		}, [() => s(H(t).actions)]), K(e, n);
	}), E(g), E(p);
	var _;
	ni(p);
	var v = L(p, 2), y = (e) => {
		var n = So(), r = I(n, !0);
		z(() => {
			Q(n, "data-testid", `row-label-${t.i ?? ""}`), q(r, H(o));
		}), K(e, n);
	};
	J(v, (e) => {
		H(a)?.kind === "group" && e(y);
	});
	var b = L(v, 2), x = (e) => {
		var n = Co();
		z(() => Q(n, "data-testid", `remove-row-${t.i ?? ""}`)), W("click", n, () => t.viewer.removeRow(t.i)), K(e, n);
	};
	J(b, (e) => {
		t.viewer.activeRows.length > 1 && e(x);
	});
	var S = L(b, 2), ee = (e) => {
		var t = wo(), n = I(t);
		z((e, t) => q(n, `IG completeness error: ${e ?? ""} of |F(a) − F(0)|, ${t ?? ""} of its trajectory mean`), [() => Va(H(u)[0]), () => Va(H(u)[1])]), K(e, t);
	};
	J(S, (e) => {
		H(u) && e(ee);
	}), E(f);
	var te = L(f), ne = P(te);
	{
		let e = /* @__PURE__ */ A(() => t.viewer.data.cell(null, "obs")), n = /* @__PURE__ */ A(() => t.first ? "obs-canvas" : `obs-canvas-${t.i}`);
		bo(ne, {
			get spec() {
				return H(e);
			},
			get testid() {
				return H(n);
			}
		});
	}
	var re = L(ne, 2), ie = (e) => {
		var n = Eo(), r = P(n);
		let i;
		X(L(r, 2), 17, () => H(l).bars, Y, (e, n) => {
			var r = To();
			let i, a;
			z(() => {
				i = Xr(r, 1, "bar svelte-tobzqx", null, i, {
					res: H(n).residual,
					dashed: H(n).residual && !t.viewer.residual && t.viewer.hover !== "res"
				}), a = Qr(r, "", a, {
					left: `${H(n).k / H(l).bars.length * 100}%`,
					width: `${80 / H(l).bars.length}%`,
					top: `${H(n).top ?? ""}%`,
					height: `${H(n).height ?? ""}%`,
					background: H(n).residual ? "#fff" : t.viewer.palette[H(n).k]
				});
			}), K(e, r);
		}), E(n), z(() => {
			Q(n, "data-testid", `chart-${t.i ?? ""}`), i = Qr(r, "", i, { top: `${H(l).zero ?? ""}%` });
		}), K(e, n);
	};
	J(re, (e) => {
		H(l) && e(ie);
	}), E(te), X(L(te), 17, () => t.viewer.directions, Y, (e, n) => {
		var r = Do(), i = P(r);
		{
			let e = /* @__PURE__ */ A(() => t.viewer.data.cell(t.key, H(n)));
			bo(i, {
				get spec() {
					return H(e);
				},
				get testid() {
					return `attr-canvas-${t.i ?? ""}-${H(n) ?? ""}`;
				},
				attr: !0
			});
		}
		E(r), K(e, r);
	}), E(d), z(() => {
		Q(p, "data-testid", `row-output-${t.i ?? ""}`), Q(p, "title", H(o)), _ !== (_ = t.key) && (p.value = (p.__value = _) ?? "", ti(p, _));
	}), W("change", p, (e) => t.viewer.setRow(t.i, e.currentTarget.value)), K(e, d), O();
}
hr(["change", "click"]);
// src/components/AttributionTable.svelte
var jo = /* @__PURE__ */ G("<label class=\"svelte-9eecfd\"><input type=\"checkbox\" data-testid=\"toggle-residual\"/> show residual feature</label>"), Mo = /* @__PURE__ */ G("<label class=\"svelte-9eecfd\"><input type=\"checkbox\" data-testid=\"toggle-hires\"/> </label>"), No = /* @__PURE__ */ G("<th class=\"svelte-9eecfd\"> </th>"), Po = /* @__PURE__ */ G("<th class=\"svelte-9eecfd\"> </th><th class=\"svelte-9eecfd\"> </th>", 1), Fo = /* @__PURE__ */ G("<h3> </h3> <div class=\"toggles svelte-9eecfd\"><label class=\"svelte-9eecfd\"><input type=\"checkbox\" data-testid=\"toggle-overlay\"/> overlay on observations</label> <label class=\"svelte-9eecfd\"><input type=\"checkbox\" data-testid=\"toggle-abs\"/> </label> <!> <!></div> <table class=\"attr svelte-9eecfd\"><thead><tr><th class=\"svelte-9eecfd\"></th><th class=\"svelte-9eecfd\">Observation</th><!></tr></thead><tbody></tbody></table> <button data-testid=\"add-row\">add row</button>", 1), Io = {
	hash: "svelte-9eecfd",
	code: ".toggles.svelte-9eecfd label:where(.svelte-9eecfd) {display:block;}\n  /* cells as large as the original's (observation 14em, attribution 16em) when the box is\n     wide enough, smaller to fit (the box is a size container: see ViewerLayout) */.attr.svelte-9eecfd {--sel: 10em;--cell: min(16em, calc((100cqi - var(--sel) - 1.8em) / 2.875));border-collapse:collapse;}.attr.svelte-9eecfd th:where(.svelte-9eecfd) {font-weight:normal;color:#555;text-align:left;vertical-align:bottom;}\n  @container attr (width < 40em) {.attr.svelte-9eecfd {--sel: 6.5em;}\n  }"
};
function Lo(e, t) {
	D(t, !0), Z(e, Io);
	let n = $(t, "viewer", 7), r = /* @__PURE__ */ A(() => n().isInput ? "gradients" : "attribution"), i = /* @__PURE__ */ A(() => n().manifest?.full_resolution), a = /* @__PURE__ */ A(() => n().manifest?.probe_set.observation_shape ?? [0, 0]);
	var o = Fo(), s = F(o), c = I(s, !0), l = L(s, 2), u = P(l), d = P(u);
	ci(d), Ee(), E(u);
	var f = L(u, 2), p = P(f);
	ci(p);
	var m = L(p);
	E(f);
	var h = L(f, 2), g = (e) => {
		var t = jo(), r = P(t);
		ci(r), Ee(), E(t), mi(r, () => n().residual, (e) => n().residual = e), K(e, t);
	};
	J(h, (e) => {
		n().isInput || e(g);
	});
	var _ = L(h, 2), v = (e) => {
		var t = Mo(), r = P(t);
		ci(r);
		var o = L(r);
		E(t), z(() => q(o, ` full-resolution frames (${H(i).shape[1] ?? ""}×${H(i).shape[0] ?? ""}; attribution of the ${H(a)[1] ?? ""}×${H(a)[0] ?? ""} model input, to scale)`)), mi(r, () => n().hires, (e) => n().hires = e), K(e, t);
	};
	J(_, (e) => {
		H(i) && e(v);
	}), E(l);
	var y = L(l, 2), b = P(y), x = P(b), S = L(P(x), 2), ee = (e) => {
		var t = No(), n = I(t);
		z(() => q(n, `Positive and negative ${H(r) ?? ""}`)), K(e, t);
	}, te = (e) => {
		var t = Po(), n = F(t), i = I(n), a = I(L(n));
		z(() => {
			q(i, `Positive ${H(r) ?? ""}`), q(a, `Negative ${H(r) ?? ""}`);
		}), K(e, t);
	};
	J(S, (e) => {
		n().abs ? e(ee) : e(te, -1);
	}), E(x), E(b);
	var ne = L(b);
	X(ne, 21, () => n().activeRows, ({ key: e, i: t }) => t, (e, t) => {
		let r = () => H(t).key, i = () => H(t).i;
		{
			let t = /* @__PURE__ */ A(() => i() === n().activeRows[0].i);
			Ao(e, {
				get viewer() {
					return n();
				},
				get key() {
					return r();
				},
				get i() {
					return i();
				},
				get first() {
					return H(t);
				}
			});
		}
	}), E(ne), E(y);
	var re = L(y, 2);
	z(() => {
		q(c, n().isInput ? "Gradients" : "Attribution"), q(m, ` combine positive and negative ${H(r) ?? ""}`);
	}), mi(d, () => n().overlay, (e) => n().overlay = e), mi(p, () => n().abs, (e) => n().abs = e), W("click", re, () => n().addRow()), K(e, o), O();
}
hr(["click"]);
// src/components/LegendThumb.svelte
var Ro = /* @__PURE__ */ G("<span> </span>"), zo = {
	hash: "svelte-1lv8fz",
	code: ".thumb.svelte-1lv8fz {display:inline-flex;align-items:center;justify-content:center;width:4em;height:4em;image-rendering:pixelated;background-color:#888;background-repeat:no-repeat;}.missing.svelte-1lv8fz {background:repeating-linear-gradient(45deg, #f3c4c2 0 6px, #fff 6px 12px);color:#a11;font-weight:bold;}"
};
function Bo(e, t) {
	D(t, !0), Z(e, zo);
	let n = $(t, "onresult", 3, null), r = /* @__PURE__ */ M(""), i = /* @__PURE__ */ M(!1);
	R(() => {
		let [e, a, o, s] = [
			t.run,
			t.step,
			t.layer,
			n()
		];
		t.source.image("thumbnails", e, a, { layer: o }).then((t) => {
			N(r, t.src, !0), N(i, !1), s?.(null, e, a, o);
		}, (t) => {
			N(r, ""), N(i, !0), s?.(t, e, a, o);
		});
	});
	var a = Ro();
	let o, s;
	var c = I(a, !0);
	z(() => {
		o = Xr(a, 1, "thumb svelte-1lv8fz", null, o, { missing: H(i) }), Q(a, "data-testid", H(i) ? "thumb-missing" : null), Q(a, "title", H(i) ? "thumbnail missing (see the notice above)" : null), s = Qr(a, "", s, {
			"background-image": H(r) ? `url("${H(r)}")` : "none",
			"background-size": `${t.K * 100}% 100%`,
			"background-position": `${t.K > 1 ? t.k / (t.K - 1) * 100 : 0}% 0`
		}), q(c, H(i) ? "?" : "");
	}), K(e, a), O();
}
// src/components/Evolution.svelte
var Vo = /* @__PURE__ */ G("<span class=\"small svelte-lcmfll\"> </span>"), Ho = /* @__PURE__ */ G("<span><!></span>"), Uo = /* @__PURE__ */ G("<span class=\"small svelte-lcmfll\">different probe set: no totals</span>"), Wo = /* @__PURE__ */ G("<!> <!> <!>", 1), Go = /* @__PURE__ */ G("<div><span class=\"label svelte-lcmfll\"> </span> <!></div>"), Ko = /* @__PURE__ */ wr("<polyline fill=\"none\" stroke-width=\"2\" vector-effect=\"non-scaling-stroke\"><title> </title></polyline>"), qo = /* @__PURE__ */ G("<span> </span>"), Jo = /* @__PURE__ */ G("<svg class=\"chart svelte-lcmfll\" viewBox=\"0 0 100 100\" preserveAspectRatio=\"none\" data-testid=\"evo-chart\"><line x1=\"0\" x2=\"100\" stroke=\"#999\" stroke-width=\"1\" vector-effect=\"non-scaling-stroke\"></line><!></svg> <div class=\"axis svelte-lcmfll\"></div>", 1), Yo = /* @__PURE__ */ G("<div class=\"evolution svelte-lcmfll\" data-testid=\"evolution\"><h3 class=\"svelte-lcmfll\">Across checkpoints</h3> <p class=\"small svelte-lcmfll\"> </p> <div class=\"strip svelte-lcmfll\"></div> <!></div>"), Xo = {
	hash: "svelte-lcmfll",
	code: ".evolution.svelte-lcmfll {margin-top:1em;}h3.svelte-lcmfll {margin:0.6em 0 0.3em;font-size:1.05em;}.small.svelte-lcmfll {font-size:0.85em;color:#666;margin:0.2em 0;}.strip.svelte-lcmfll {display:flex;flex-direction:column;gap:3px;}.row.svelte-lcmfll {display:flex;flex-wrap:wrap;align-items:center;gap:3px;}.row.current.svelte-lcmfll {background:#eef4ff;}.label.svelte-lcmfll {width:9em;font-size:0.85em;flex:none;}.feat.svelte-lcmfll {border:3px solid;display:inline-flex;font-size:0.55em;}.feat.unmatched.svelte-lcmfll {border-style:dashed;}.chart.svelte-lcmfll {width:100%;height:8em;background:#fafafa;display:block;margin-top:0.4em;}.axis.svelte-lcmfll {display:flex;justify-content:space-between;font-size:0.75em;color:#666;}"
};
function Zo(e, t) {
	D(t, !0), Z(e, Xo);
	let n = /* @__PURE__ */ M(qt([])), r = /* @__PURE__ */ A(() => {
		let e = Math.max(0, t.steps.indexOf(t.step)), n = Math.max(0, Math.min(e - 6, t.steps.length - 12));
		return t.steps.slice(n, n + 12);
	});
	R(() => {
		let [e, i, a, o, s, c] = [
			t.run,
			t.step,
			t.layer,
			t.traj,
			t.output,
			H(r)
		], l = t.manifest.probe_set.id, u = !0;
		return Promise.all(c.map(async (n) => {
			try {
				let r = await t.source.manifest(e, n), c = r.layers.find((e) => e.name === a);
				if (!c || c.kind === "input") return {
					step: n,
					manifest: r,
					match: null,
					unit: null,
					same: !1,
					K: 0,
					error: `layer ${a} not analysed`
				};
				let u = r.probe_set.id !== void 0 && r.probe_set.id === l;
				return {
					step: n,
					manifest: r,
					match: n === i ? null : await t.source.match(e, i, e, n, a),
					unit: u && r.outputs.some((e) => e.key === s) ? await t.source.unit(e, n, a, o, s) : null,
					same: u,
					K: c.features
				};
			} catch (e) {
				return {
					step: n,
					manifest: null,
					match: null,
					unit: null,
					same: !1,
					K: 0,
					error: String(e)
				};
			}
		})).then((e) => {
			u && N(n, e, !0);
		}), () => {
			u = !1;
		};
	});
	function i(e) {
		return e.step === t.step ? t.manifest.feature_colors : e.match?.colors_b ?? e.manifest?.feature_colors ?? [];
	}
	function a(e) {
		return e.step === t.step ? [] : e.match?.unmatched_b ?? [];
	}
	let o = /* @__PURE__ */ A(() => t.manifest.layers.find((e) => e.name === t.layer)?.features ?? 0), s = /* @__PURE__ */ A(() => {
		let e = [];
		if (H(n).forEach((n, r) => {
			let i = n.unit?.totals?.[t.frame];
			if (i) {
				if (n.step === t.step) for (let t = 0; t < H(o); t++) e.push({
					i: t,
					x: r,
					v: i[t]
				});
				else if (n.match) for (let [t, a] of n.match.pairs) e.push({
					i: t,
					x: r,
					v: i[a]
				});
			}
		}), !e.length) return null;
		let r = Math.min(0, ...e.map((e) => e.v)), i = Math.max(0, ...e.map((e) => e.v)), a = (e) => i > r ? (1 - (e - r) / (i - r)) * 90 + 5 : 50, s = Math.max(H(n).length - 1, 1), c = (e) => e / s * 96 + 2;
		return {
			lines: Array.from({ length: H(o) }, (t, n) => e.filter((e) => e.i === n).map((e) => ({
				x: c(e.x),
				y: a(e.v),
				v: e.v
			}))),
			zero: a(0),
			X: c
		};
	});
	var c = Yo(), l = L(P(c), 2), u = I(l), d = L(l, 2);
	X(d, 21, () => H(n), (e) => e.step, (e, n) => {
		var r = Go();
		let o;
		var s = P(r), c = I(s), l = L(s, 2), u = (e) => {
			var t = Vo(), r = I(t, !0);
			z(() => q(r, H(n).error)), K(e, t);
		}, d = (e) => {
			var r = Wo(), o = F(r);
			X(o, 17, () => Array(H(n).K), Y, (e, r, o) => {
				let s = /* @__PURE__ */ A(() => i(H(n))[o]);
				var c = Ho();
				let l, u;
				Bo(P(c), {
					get source() {
						return t.source;
					},
					get run() {
						return t.run;
					},
					get step() {
						return H(n).step;
					},
					get layer() {
						return t.layer;
					},
					k: o,
					get K() {
						return H(n).K;
					}
				}), E(c), z((e) => {
					l = Xr(c, 1, "feat svelte-lcmfll", null, l, { unmatched: e }), Q(c, "data-testid", `evo-${H(n).step ?? ""}-${o}`), Q(c, "data-color", H(s)), u = Qr(c, "", u, { "border-color": H(s) });
				}, [() => a(H(n)).includes(o)]), K(e, c);
			});
			var s = L(o, 2), c = (e) => {
				K(e, Uo());
			};
			J(s, (e) => {
				H(n).same || e(c);
			});
			var l = L(s, 2), u = (e) => {
				var t = Vo(), r = I(t, !0);
				z(() => q(r, H(n).match.reason)), K(e, t);
			};
			J(l, (e) => {
				H(n).match && H(n).match.method === null && e(u);
			}), K(e, r);
		};
		J(l, (e) => {
			H(n).error ? e(u) : e(d, -1);
		}), E(r), z(() => {
			o = Xr(r, 1, "row svelte-lcmfll", null, o, { current: H(n).step === t.step }), Q(r, "data-testid", `evo-row-${H(n).step ?? ""}`), q(c, `step ${H(n).step ?? ""}${H(n).step === t.step ? " (current)" : ""}`);
		}), K(e, r);
	}), E(d);
	var f = L(d, 2), p = (e) => {
		var r = Jo(), i = F(r), a = P(i);
		X(L(a), 17, () => H(s).lines, Y, (e, n, r) => {
			var i = Er(), a = F(i), o = (e) => {
				var i = Ko(), a = I(P(i));
				E(i), z((e, n) => {
					Q(i, "points", e), Q(i, "stroke", t.manifest.feature_colors[r]), q(a, `feature ${r + 1}: ${n ?? ""}`);
				}, [() => H(n).map((e) => `${e.x},${e.y}`).join(" "), () => H(n).map((e) => xa(e.v)).join(", ")]), K(e, i);
			};
			J(a, (e) => {
				H(n).length && e(o);
			}), K(e, i);
		}), E(i);
		var o = L(i, 2);
		X(o, 21, () => H(n), Y, (e, t) => {
			var n = qo(), r = I(n, !0);
			z(() => q(r, H(t).step)), K(e, n);
		}), E(o), z(() => {
			Q(a, "y1", H(s).zero), Q(a, "y2", H(s).zero);
		}), K(e, r);
	};
	J(f, (e) => {
		H(s) && e(p);
	}), E(c), z(() => q(u, `Legends of layer ${t.layer ?? ""} by training step, coloured by the match of each feature to
    step ${t.step ?? ""}'s (dashed: no match); the chart follows each feature's total attribution at the current
    frame over the steps analysed on the same probe set.`)), K(e, c), O();
}
// src/components/Layers.svelte
var Qo = /* @__PURE__ */ G("<label class=\"layer svelte-ip448e\"><input type=\"radio\"/> <span class=\"small\"> </span></label>"), $o = /* @__PURE__ */ G("<h3>Layers</h3> <!>", 1), es = {
	hash: "svelte-ip448e",
	code: ".layer.svelte-ip448e {display:block;cursor:pointer;overflow-wrap:anywhere;}"
};
function ts(e, t) {
	let n = Dr();
	D(t, !0), Z(e, es);
	var r = $o();
	X(L(F(r), 2), 17, () => t.viewer.manifest?.layers ?? [], Y, (e, r) => {
		var i = Qo(), a = P(i);
		ci(a);
		var o = L(a), s = I(L(o));
		E(i), z(() => {
			Q(i, "data-testid", `layer-${H(r).name ?? ""}`), Q(a, "name", `layer-${n}`), li(a, H(r).name === t.viewer.layer), q(o, ` ${H(r).name ?? ""} `), q(s, `${H(r).shape[0] ?? ""}×${H(r).shape[1] ?? ""}`);
		}), W("change", a, () => t.viewer.setLayer(H(r).name)), K(e, i);
	}), K(e, r), O();
}
hr(["change"]);
// src/components/Legend.svelte
var ns = /* @__PURE__ */ G("<li><span class=\"swatch svelte-pswzrf\"></span> </li>"), rs = /* @__PURE__ */ G("<p class=\"small\">Colors correspond to input channels:</p> <ul class=\"small channels svelte-pswzrf\" data-testid=\"input-channels\"></ul>", 1), is = /* @__PURE__ */ G("<p class=\"small\">Colors correspond to input colors</p>"), as = /* @__PURE__ */ G("<span class=\"small\">unmatched</span>"), os = /* @__PURE__ */ G("<button class=\"item svelte-pswzrf\"><span></span> <!> <!></button>"), ss = /* @__PURE__ */ G("<span class=\"small note svelte-pswzrf\">not shown</span>"), cs = /* @__PURE__ */ G("<p class=\"small\">Hover to isolate, click to expand feature</p> <div class=\"legend svelte-pswzrf\"><!> <button class=\"item residual svelte-pswzrf\" data-testid=\"legend-residual\"><span></span> <span>residual (everything else)<!></span></button></div>", 1), ls = /* @__PURE__ */ G("<h3> </h3> <!> <h3>Hotkeys</h3> <ul class=\"small hotkeys svelte-pswzrf\"><li class=\"svelte-pswzrf\">&#8592; go backwards</li><li class=\"svelte-pswzrf\">&#8594; go forwards</li><li class=\"svelte-pswzrf\">space: toggle play/pause</li> <li class=\"svelte-pswzrf\">esc: close the feature popup</li><li class=\"svelte-pswzrf\">click the scrub strip or a graph: go to that frame</li></ul>", 1), us = {
	hash: "svelte-pswzrf",
	code: ".legend.svelte-pswzrf {display:flex;flex-direction:column;gap:2px;}.item.svelte-pswzrf {display:flex;align-items:center;gap:0.4em;cursor:pointer;background:none;border:1px solid transparent;padding:2px;font:inherit;text-align:left;}.item.svelte-pswzrf:hover {border-color:#999;}.disc.svelte-pswzrf {display:inline-flex;width:1.6em;height:1.6em;border-radius:50%;align-items:center;justify-content:center;font-weight:bold;color:#000;flex:none;}.disc.unmatched.svelte-pswzrf {outline:2px dashed #555;outline-offset:1px;}.resdisc.svelte-pswzrf {background:#fff;border:2px solid #888;box-sizing:border-box;}.resdisc.dashed.svelte-pswzrf {border-style:dashed;}.channels.svelte-pswzrf {list-style:none;padding:0;}.swatch.svelte-pswzrf {display:inline-block;width:0.9em;height:0.9em;margin-right:0.4em;vertical-align:middle;border:1px solid #888;}.note.svelte-pswzrf {display:block;margin:0;}.hotkeys.svelte-pswzrf {padding-left:1.2em;}\n  /* under the attribution (a narrow frame): the items side by side */\n  @container viewer (width < 50em) {.legend.svelte-pswzrf {flex-direction:row;flex-wrap:wrap;}.residual.svelte-pswzrf {max-width:12em;}.hotkeys.svelte-pswzrf li:where(.svelte-pswzrf) {display:inline;margin-right:1em;}.hotkeys.svelte-pswzrf {padding-left:0;}\n  }"
};
function ds(e, t) {
	D(t, !0), Z(e, us);
	let n = $(t, "viewer", 7), r = /* @__PURE__ */ A(() => n().inputChannels), i = /* @__PURE__ */ A(() => n().manifest?.probe_set.display), a = /* @__PURE__ */ A(() => n().residual || n().hover === "res");
	function o(e, t, r, i) {
		e ? n().fail(`thumbnails of layer ${i}`, t, r, e) : n().loaded(`thumbnails of layer ${i}`, t, r);
	}
	var s = ls(), c = F(s), l = I(c, !0), u = L(c, 2), d = (e) => {
		var t = Er(), n = F(t), a = (e) => {
			var t = rs(), n = L(F(t), 2);
			X(n, 21, () => H(r), Y, (e, t) => {
				var n = ns(), r = P(n);
				let i;
				var a = L(r, 1, !0);
				E(n), z(() => {
					i = Qr(r, "", i, { background: H(t).color }), q(a, H(t).label);
				}), K(e, n);
			}), E(n), K(e, t);
		}, o = (e) => {
			K(e, is());
		};
		J(n, (e) => {
			H(i) && H(i) !== "rgb" ? e(a) : e(o, -1);
		}), K(e, t);
	}, f = (e) => {
		var t = cs(), r = L(F(t), 2), i = P(r);
		X(i, 17, () => Array(n().K), Y, (e, t, r) => {
			let i = /* @__PURE__ */ A(() => n().unmatched.includes(r));
			var a = os();
			Q(a, "data-testid", `legend-${r}`);
			var s = P(a);
			let c;
			Q(s, "data-testid", `legend-disc-${r}`);
			let l;
			s.textContent = r + 1;
			var u = L(s, 2);
			Bo(u, {
				get source() {
					return n().source;
				},
				get run() {
					return n().run;
				},
				get step() {
					return n().step;
				},
				get layer() {
					return n().layer;
				},
				k: r,
				get K() {
					return n().K;
				},
				onresult: r === 0 ? o : null
			});
			var d = L(u, 2), f = (e) => {
				var t = as();
				Q(t, "data-testid", `unmatched-${r}`), K(e, t);
			};
			J(d, (e) => {
				H(i) && e(f);
			}), E(a), z(() => {
				c = Xr(s, 1, "disc svelte-pswzrf", null, c, { unmatched: H(i) }), Q(s, "data-color", n().palette[r]), l = Qr(s, "", l, { background: n().palette[r] });
			}), mr("mouseenter", a, () => n().hover = r), mr("mouseleave", a, () => n().hover = null), W("click", a, (e) => {
				e.stopPropagation(), n().openFeature(r);
			}), K(e, a);
		});
		var s = L(i, 2), c = P(s);
		let l;
		var u = L(c, 2), d = L(P(u)), f = (e) => {
			K(e, ss());
		};
		J(d, (e) => {
			H(a) || e(f);
		}), E(u), E(s), E(r), z(() => l = Xr(c, 1, "disc resdisc svelte-pswzrf", null, l, { dashed: !H(a) })), mr("mouseenter", s, () => n().hover = "res"), mr("mouseleave", s, () => n().hover = null), K(e, t);
	};
	J(u, (e) => {
		n().isInput ? e(d) : e(f, -1);
	}), Ee(4), z(() => q(l, n().isInput ? "Gradients legend" : "Attribution legend")), K(e, s), O();
}
hr(["click"]);
// src/components/Graph.svelte
var fs = /* @__PURE__ */ G("<span class=\"other svelte-zhue1c\"> </span>"), ps = /* @__PURE__ */ wr("<line y1=\"0\" y2=\"100\" stroke=\"#ccc\" stroke-width=\"1\" vector-effect=\"non-scaling-stroke\"></line>"), ms = /* @__PURE__ */ wr("<polyline fill=\"none\" stroke=\"#555\" stroke-width=\"1.2\" stroke-dasharray=\"4 3\" vector-effect=\"non-scaling-stroke\"></polyline>"), hs = /* @__PURE__ */ wr("<polyline fill=\"none\" stroke-width=\"1.5\" vector-effect=\"non-scaling-stroke\"></polyline>"), gs = /* @__PURE__ */ G("<div class=\"graph svelte-zhue1c\"><div class=\"label svelte-zhue1c\"><span> </span> <!></div> <svg preserveAspectRatio=\"none\" role=\"slider\" tabindex=\"-1\"><!><!><!><line y1=\"0\" y2=\"100\" stroke=\"rgba(0,0,0,0.4)\" stroke-width=\"2\" vector-effect=\"non-scaling-stroke\"></line></svg></div>"), _s = {
	hash: "svelte-zhue1c",
	code: ".graph.svelte-zhue1c {position:relative;margin-top:0.3em;}.label.svelte-zhue1c {font-size:0.85em;}.other.svelte-zhue1c {color:#555;}svg.svelte-zhue1c {width:100%;height:3em;display:block;background:#fafafa;}svg.seek.svelte-zhue1c {cursor:pointer;}"
};
function vs(e, t) {
	D(t, !0), Z(e, _s);
	let n = $(t, "other", 3, null), r = $(t, "otherLabel", 3, ""), i = $(t, "onseek", 3, null);
	function a(e) {
		let n = e.currentTarget.getBoundingClientRect();
		i()?.(Fa(Ia(e.clientX, n.left, n.width), t.frame, t.visible, t.values.length));
	}
	let o = /* @__PURE__ */ A(() => ka(t.values, n())), s = /* @__PURE__ */ A(() => ja(t.values, t.dones, H(o)[0], H(o)[1])), c = /* @__PURE__ */ A(() => n() && n().length === t.values.length ? ja(n(), t.dones, H(o)[0], H(o)[1]) : []), l = /* @__PURE__ */ A(() => Ma(t.dones));
	var u = gs(), d = P(u), f = P(d);
	let p;
	var m = I(f, !0), h = L(f), g = L(h), _ = (e) => {
		var i = fs(), a = I(i);
		z((e) => {
			Q(i, "data-testid", `${t.testid ?? ""}-other`), q(a, `(dashed, ${r() ?? ""}: ${e ?? ""})`);
		}, [() => xa(n()[t.frame])]), K(e, i);
	};
	J(g, (e) => {
		H(c).length && e(_);
	}), E(d);
	var v = L(d, 2);
	let y;
	var b = P(v);
	X(b, 17, () => H(l), Y, (e, t) => {
		var n = ps();
		z(() => {
			Q(n, "x1", H(t)), Q(n, "x2", H(t));
		}), K(e, n);
	});
	var x = L(b);
	X(x, 17, () => H(c), Y, (e, t) => {
		var n = ms();
		z(() => Q(n, "points", H(t))), K(e, n);
	});
	var S = L(x);
	X(S, 17, () => H(s), Y, (e, n) => {
		var r = hs();
		z(() => {
			Q(r, "points", H(n)), Q(r, "stroke", t.color);
		}), K(e, r);
	});
	var ee = L(S);
	E(v), E(u), z((e) => {
		Q(u, "data-testid", t.testid), p = Qr(f, "", p, { color: t.color }), q(m, t.title), q(h, `: ${e ?? ""} `), Q(v, "viewBox", `${t.frame + .5 - t.visible / 2} 0 ${t.visible ?? ""} 100`), Q(v, "aria-label", t.title), Q(v, "aria-valuenow", t.frame + 1), y = Xr(v, 0, "svelte-zhue1c", null, y, { seek: !!i() }), Q(ee, "x1", t.frame + .5), Q(ee, "x2", t.frame + .5);
	}, [() => xa(t.values[t.frame])]), W("click", v, a), K(e, u), O();
}
hr(["click"]);
// src/components/Navigator.svelte
var ys = /* @__PURE__ */ G("<button data-testid=\"pause\">&#10074;&#10074;</button>"), bs = /* @__PURE__ */ G("<button data-testid=\"play-back\" title=\"play backwards\">&#9664;</button>"), xs = /* @__PURE__ */ G("<button data-testid=\"play\" title=\"play\">&#9654;</button>"), Ss = /* @__PURE__ */ G("<div class=\"navigator svelte-ybm56p\"><button data-testid=\"step-back\" title=\"step back\">&#8592;</button> <button data-testid=\"first\" title=\"first frame\">&#10074;&#9664;</button> <!> <!> <button data-testid=\"last\" title=\"last frame\">&#9654;&#10074;</button> <button data-testid=\"step-forward\" title=\"step forward\">&#8594;</button> <label>fps <input data-testid=\"fps\" type=\"number\" min=\"0\" max=\"100\" class=\"svelte-ybm56p\"/></label></div>"), Cs = {
	hash: "svelte-ybm56p",
	code: ".navigator.svelte-ybm56p {display:flex;flex-wrap:wrap;gap:0.3em;align-items:center;margin:0.4em 0;}input.svelte-ybm56p {width:3.5em;}"
};
function ws(e, t) {
	D(t, !0), Z(e, Cs);
	let n = $(t, "playback", 7);
	var r = Ss(), i = P(r), a = L(i, 2), o = L(a, 2), s = (e) => {
		var t = ys();
		W("click", t, () => n().pause()), K(e, t);
	}, c = (e) => {
		var t = bs();
		W("click", t, () => n().play(-1)), K(e, t);
	};
	J(o, (e) => {
		n().playing === -1 ? e(s) : e(c, -1);
	});
	var l = L(o, 2), u = (e) => {
		var t = ys();
		W("click", t, () => n().pause()), K(e, t);
	}, d = (e) => {
		var t = xs();
		W("click", t, () => n().play(1)), K(e, t);
	};
	J(l, (e) => {
		n().playing === 1 ? e(u) : e(d, -1);
	});
	var f = L(l, 2), p = L(f, 2), m = L(p, 2), h = L(P(m));
	ci(h), E(m), E(r), W("click", i, () => n().step(-1)), W("click", a, () => n().first()), W("click", f, () => n().last()), W("click", p, () => n().step(1)), pi(h, () => n().fps, (e) => n().fps = e), K(e, r), O();
}
hr(["click"]);
// src/components/TrajScrub.svelte
var Ts = /* @__PURE__ */ G("<img draggable=\"false\"/>"), Es = /* @__PURE__ */ G("<span></span>"), Ds = {
	hash: "svelte-zeo4mg",
	code: ".scrub.svelte-zeo4mg {height:1.6em;width:8em;image-rendering:pixelated;display:block;}.scrub.stretch.svelte-zeo4mg {width:100%;height:100%;}.placeholder.svelte-zeo4mg {background:#ddd;}.missing.svelte-zeo4mg {background:repeating-linear-gradient(45deg, #f3c4c2 0 4px, #fff 4px 8px);}"
};
function Os(e, t) {
	D(t, !0), Z(e, Ds);
	let n = $(t, "stretch", 3, !1), r = /* @__PURE__ */ M(""), i = /* @__PURE__ */ M(!1);
	R(() => {
		let [e, n, a] = [
			t.viewer.run,
			t.viewer.step,
			t.traj
		];
		t.viewer.source.image("scrub", e, n, { traj: a }).then((e) => {
			N(r, e.src, !0), N(i, !1);
		}, (a) => {
			N(r, ""), N(i, !0), t.viewer.fail("scrub strips", e, n, a);
		});
	});
	var a = Er(), o = F(a), s = (e) => {
		var i = Ts();
		let a;
		z(() => {
			Q(i, "src", H(r)), Q(i, "alt", `trajectory ${t.traj + 1}`), a = Xr(i, 1, "scrub svelte-zeo4mg", null, a, { stretch: n() });
		}), K(e, i);
	}, c = (e) => {
		var t = Es();
		let r;
		z(() => {
			r = Xr(t, 1, "scrub placeholder svelte-zeo4mg", null, r, {
				stretch: n(),
				missing: H(i)
			}), Q(t, "data-testid", H(i) ? "scrub-missing" : null), Q(t, "title", H(i) ? "scrub strip missing (see the notice above)" : null);
		}), K(e, t);
	};
	J(o, (e) => {
		H(r) ? e(s) : e(c, -1);
	}), K(e, a), O();
}
// src/components/Scrubber.svelte
var ks = /* @__PURE__ */ G("<div class=\"scrubber svelte-1bveqj8\" data-testid=\"scrubber\" role=\"slider\" tabindex=\"-1\"><div class=\"pointer svelte-1bveqj8\"></div> <div class=\"tape svelte-1bveqj8\"><!></div> <div class=\"centre svelte-1bveqj8\"></div></div>"), As = {
	hash: "svelte-1bveqj8",
	code: ".scrubber.svelte-1bveqj8 {position:relative;height:4em;overflow:hidden;background:#eee;cursor:grab;user-select:none;}.tape.svelte-1bveqj8 {position:absolute;top:0;bottom:0;}.centre.svelte-1bveqj8 {position:absolute;left:calc(50% - 4px);width:2px;top:0;bottom:0;background:rgba(0,0,0,0.4);border-left:3px solid rgba(0,0,0,0.1);border-right:3px solid rgba(0,0,0,0.1);}.pointer.svelte-1bveqj8 {position:absolute;left:calc(50% - 5px);top:0;border:5px solid transparent;border-top-color:#000;z-index:1;}"
};
function js(e, t) {
	D(t, !0), Z(e, As);
	let n = null, r = /* @__PURE__ */ A(() => Na(t.viewer.T, t.viewer.frame, t.visible));
	function i(e) {
		if (e.button !== 0) return;
		t.viewer.playback.pause();
		let r = e.currentTarget.getBoundingClientRect();
		n = {
			x: e.clientX,
			frame: t.viewer.frame,
			width: r.width,
			left: r.left,
			moved: !1
		}, e.preventDefault();
	}
	function a(e) {
		n && (e.buttons & 1 ? (Math.abs(e.clientX - n.x) >= 4 && (n.moved = !0), n.moved && t.viewer.playback.seek(Pa(n.frame, n.x, e.clientX, n.width, t.visible))) : n = null);
	}
	function o() {
		n && !n.moved && t.viewer.playback.seek(Fa(Ia(n.x, n.left, n.width), n.frame, t.visible, t.viewer.T)), n = null;
	}
	var s = ks();
	mr("mousemove", Xt, a), mr("mouseup", Xt, o);
	var c = L(P(s), 2);
	let l;
	Os(P(c), {
		get viewer() {
			return t.viewer;
		},
		get traj() {
			return t.viewer.traj;
		},
		stretch: !0
	}), E(c), Ee(2), E(s), z(() => {
		Q(s, "aria-valuenow", t.viewer.frame), l = Qr(c, "", l, {
			width: `${H(r).width ?? ""}%`,
			left: `${H(r).left ?? ""}%`
		});
	}), W("mousedown", s, i), K(e, s), O();
}
hr(["mousedown"]);
// src/components/Timeline.svelte
var Ms = /* @__PURE__ */ G("<span>last reward: <b> </b></span>"), Ns = /* @__PURE__ */ G("<span><b>new episode</b></span>"), Ps = /* @__PURE__ */ G("<div class=\"seg svelte-cfijfh\"> </div>"), Fs = /* @__PURE__ */ G("<div class=\"display svelte-cfijfh\"><!> <!> <span data-testid=\"frame-label\">frame: <b> </b></span> <span>next action: <b> </b></span></div> <div class=\"policy-row svelte-cfijfh\"><span>policy:</span> <div class=\"policy svelte-cfijfh\" data-testid=\"policy\"></div></div>", 1), Is = /* @__PURE__ */ G("<!> <!>", 1), Ls = /* @__PURE__ */ G("<h3>Timeline</h3> <!> <!> <!> <!>", 1), Rs = {
	hash: "svelte-cfijfh",
	code: ".display.svelte-cfijfh {display:flex;flex-wrap:wrap;column-gap:1.2em;color:#1f3fa0;margin-bottom:0.2em;}.policy-row.svelte-cfijfh {display:flex;gap:0.4em;align-items:center;color:#1f3fa0;}.policy.svelte-cfijfh {flex:1;min-width:0;display:flex;height:1.4em;border:1px solid #ccc;overflow:hidden;box-sizing:border-box;}.seg.svelte-cfijfh {font-size:0.8em;text-align:center;overflow:hidden;white-space:nowrap;}"
};
function zs(e, t) {
	D(t, !0), Z(e, Rs);
	let n = $(t, "other", 3, null), r = {
		advantage: "#1f6fd1",
		value: "#1a9641",
		logit: "#d7301f",
		group: "#f08a00"
	}, i = /* @__PURE__ */ A(() => Math.min(256, Math.max(t.viewer.T, 1))), a = /* @__PURE__ */ A(() => t.viewer.data.series), o = /* @__PURE__ */ A(() => t.viewer.frame), s = /* @__PURE__ */ A(() => t.viewer.labels), c = /* @__PURE__ */ A(() => [...new Set(t.viewer.activeRows.map((e) => e.key))]);
	function l(e) {
		t.viewer.playback.pause(), t.viewer.playback.seek(e);
	}
	function u(e) {
		let n = t.viewer.manifest?.outputs.find((t) => t.key === e)?.kind;
		return n === "v" ? r.value : n === "logit" ? r.logit : r.group;
	}
	var d = Ls(), f = L(F(d), 2), p = (e) => {
		var t = Fs(), n = F(t), r = P(n), i = (e) => {
			var t = Ms(), n = I(L(P(t)), !0);
			E(t), z((e) => q(n, e), [() => xa(H(a).rewards[H(o) - 1])]), K(e, t);
		};
		J(r, (e) => {
			H(o) > 0 && H(a).rewards[H(o) - 1] !== 0 && e(i);
		});
		var c = L(r, 2), l = (e) => {
			K(e, Ns());
		};
		J(c, (e) => {
			H(o) > 0 && H(a).dones[H(o) - 1] && e(l);
		});
		var u = L(c, 2), d = I(L(P(u)), !0);
		E(u);
		var f = L(u, 2), p = I(L(P(f)), !0);
		E(f), E(n);
		var m = L(n, 2), h = L(P(m), 2);
		X(h, 21, () => _a(H(a).logits[H(o)] ?? []), Y, (e, t, n) => {
			var r = Er(), i = F(r), a = (e) => {
				let r = /* @__PURE__ */ A(() => Ba(n, H(s).length));
				var i = Ps();
				let a;
				var o = I(i, !0);
				z((e) => {
					Q(i, "title", `${H(s)[n] ?? ""}: ${e ?? ""}%`), a = Qr(i, "", a, {
						width: `${H(t) * 100}%`,
						background: `rgb(${H(r) ?? ""},${H(r) ?? ""},${H(r) ?? ""})`,
						color: H(r) < 128 ? "#fff" : "#000"
					}), q(o, H(t) > .06 ? H(s)[n] : "");
				}, [() => (H(t) * 100).toFixed(1)]), K(e, i);
			};
			J(i, (e) => {
				H(t) > .002 && e(a);
			}), K(e, r);
		}), E(h), E(m), z(() => {
			q(d, H(o) + 1), q(p, H(s)[H(a).actions[H(o)]] ?? H(a).actions[H(o)]);
		}), K(e, t);
	};
	J(f, (e) => {
		H(a) && e(p);
	});
	var m = L(f, 2);
	ws(m, { get playback() {
		return t.viewer.playback;
	} });
	var h = L(m, 2);
	js(h, {
		get viewer() {
			return t.viewer;
		},
		get visible() {
			return H(i);
		}
	});
	var g = L(h, 2), _ = (e) => {
		var d = Is(), f = F(d);
		{
			let e = /* @__PURE__ */ A(() => n()?.series?.advantages ?? null), t = /* @__PURE__ */ A(() => n()?.label ?? "");
			vs(f, {
				title: "advantage",
				get color() {
					return r.advantage;
				},
				get values() {
					return H(a).advantages;
				},
				get dones() {
					return H(a).dones;
				},
				get frame() {
					return H(o);
				},
				get visible() {
					return H(i);
				},
				testid: "graph-advantage",
				onseek: l,
				get other() {
					return H(e);
				},
				get otherLabel() {
					return H(t);
				}
			});
		}
		X(L(f, 2), 17, () => H(c), Y, (e, r) => {
			{
				let c = /* @__PURE__ */ A(() => lo(t.viewer.manifest, H(s), H(r))), d = /* @__PURE__ */ A(() => u(H(r))), f = /* @__PURE__ */ A(() => uo(t.viewer.manifest, H(r), H(a))), p = /* @__PURE__ */ A(() => n()?.series ? uo(t.viewer.manifest, H(r), n().series) : null), m = /* @__PURE__ */ A(() => n()?.label ?? "");
				vs(e, {
					get title() {
						return H(c);
					},
					get color() {
						return H(d);
					},
					get values() {
						return H(f);
					},
					get dones() {
						return H(a).dones;
					},
					get frame() {
						return H(o);
					},
					get visible() {
						return H(i);
					},
					get testid() {
						return `graph-${H(r) ?? ""}`;
					},
					onseek: l,
					get other() {
						return H(p);
					},
					get otherLabel() {
						return H(m);
					}
				});
			}
		}), K(e, d);
	};
	J(g, (e) => {
		H(a) && e(_);
	}), K(e, d), O();
}
// src/components/Trajectories.svelte
var Bs = /* @__PURE__ */ G("<label><input type=\"radio\" class=\"svelte-1p1jq9n\"/> <!><span></span></label>"), Vs = /* @__PURE__ */ G("<li><button class=\"link svelte-1p1jq9n\"> </button></li>"), Hs = /* @__PURE__ */ G("<div class=\"svelte-1p1jq9n\"><p class=\"small\"> </p> <ul class=\"svelte-1p1jq9n\"></ul></div>"), Us = /* @__PURE__ */ G("<h3>Trajectories</h3> <div class=\"trajs svelte-1p1jq9n\"></div> <h3>Bookmarks</h3> <div class=\"bookmarks svelte-1p1jq9n\"></div>", 1), Ws = {
	hash: "svelte-1p1jq9n",
	code: ".trajs.svelte-1p1jq9n {display:flex;flex-direction:column;gap:2px;max-height:24em;overflow-y:auto;}.traj.svelte-1p1jq9n {display:flex;align-items:center;gap:0.3em;cursor:pointer;padding:1px;}.traj.selected.svelte-1p1jq9n {outline:2px solid #1f6fd1;outline-offset:-2px;}.traj.svelte-1p1jq9n input:where(.svelte-1p1jq9n) {display:none;}ul.svelte-1p1jq9n {list-style:none;padding:0;margin:0 0 0.5em;max-height:16em;overflow-y:auto;}.link.svelte-1p1jq9n {font-size:0.92em;white-space:nowrap;}\n  /* above the other columns (a narrow frame): the trajectories side by side, the bookmarks\n     in two columns */\n  @container viewer (width < 78em) {.trajs.svelte-1p1jq9n {flex-direction:row;flex-wrap:wrap;max-height:7em;column-gap:0.6em;}.bookmarks.svelte-1p1jq9n {display:flex;flex-wrap:wrap;column-gap:1.5em;}.bookmarks.svelte-1p1jq9n > div:where(.svelte-1p1jq9n) {flex:1 1 12em;}ul.svelte-1p1jq9n {max-height:5.6em;overflow-y:auto;}\n  }"
};
function Gs(e, t) {
	let n = Dr();
	D(t, !0), Z(e, Ws);
	let r = [["low", "Lowest advantage episodes (unexpected failures):"], ["high", "Highest advantage episodes (unexpected successes):"]];
	var i = Us(), a = L(F(i), 2);
	X(a, 21, () => Array(t.viewer.E), Y, (e, r, i) => {
		var a = Bs();
		let o;
		Q(a, "data-testid", `traj-${i}`);
		var s = P(a);
		ci(s);
		var c = L(s, 2);
		Os(c, {
			get viewer() {
				return t.viewer;
			},
			traj: i
		});
		var l = L(c);
		l.textContent = i + 1, E(a), z(() => {
			o = Xr(a, 1, "traj svelte-1p1jq9n", null, o, { selected: i === t.viewer.traj }), Q(s, "name", `traj-${n}`), li(s, i === t.viewer.traj);
		}), W("change", s, () => t.viewer.setTraj(i)), K(e, a);
	}), E(a);
	var o = L(a, 4);
	X(o, 21, () => r, Y, (e, n) => {
		var r = /* @__PURE__ */ A(() => m(H(n), 2));
		let i = () => H(r)[0], a = () => H(r)[1];
		var o = Hs(), s = P(o), c = I(s, !0), l = L(s, 2);
		X(l, 21, () => t.viewer.manifest?.bookmarks[i()] ?? [], Y, (e, n, r) => {
			var a = /* @__PURE__ */ A(() => m(H(n), 2));
			let o = () => H(a)[0], s = () => H(a)[1];
			var c = Vs(), l = P(c), u = I(l);
			E(c), z(() => {
				Q(l, "data-testid", `bookmark-${i() ?? ""}-${r}`), q(u, `trajectory ${o() + 1}, frame ${s() + 1}`);
			}), W("click", l, () => t.viewer.jump(o(), s())), K(e, c);
		}), E(l), E(o), z(() => q(c, a())), K(e, o);
	}), E(o), K(e, i), O();
}
hr(["change", "click"]);
// src/components/ViewerLayout.svelte
var Ks = /* @__PURE__ */ G("<section class=\"trajectories svelte-mkl11s\"><!></section> <section class=\"layers svelte-mkl11s\"><!></section>", 1), qs = /* @__PURE__ */ G("<section class=\"evolution svelte-mkl11s\"><!></section>"), Js = /* @__PURE__ */ G("<div class=\"frame svelte-mkl11s\"><div><!> <section class=\"timeline svelte-mkl11s\"><!></section> <section class=\"attribution svelte-mkl11s\"><!></section> <section class=\"legend svelte-mkl11s\"><!></section> <!></div></div>"), Ys = {
	hash: "svelte-mkl11s",
	code: "\n  /* The columns are a grid over areas; the frame's width picks the arrangement:\n     - wide (>= 78em, e.g. a 1280 px TensorBoard tab): the original's four columns;\n     - medium (50-78em: MLflow's artifact viewer, a compare pane at 1600 px): trajectories and\n       layers above the timeline and the attribution, the legend on the right from the top;\n     - narrow (< 50em): the legend under the attribution.\n     The main column has a largest width (the table at full size), so that the legend does not move when the table\n     changes (combined attribution), and long captions wrap inside it. The attribution box is a\n     size container too: its cells shrink to fit it (AttributionTable). */.frame.svelte-mkl11s {container:viewer / inline-size;}.viewer.svelte-mkl11s {display:grid;column-gap:1.2em;align-items:start;justify-content:start;grid-template-columns:11.5em fit-content(10em) minmax(0, 58em) 12em;grid-template-rows:auto auto 1fr;grid-template-areas:\"trajectories layers timeline legend\"\n                                 \"trajectories layers attribution legend\"\n                                 \"trajectories layers evolution legend\";}.trajectories.svelte-mkl11s {grid-area:trajectories;min-width:0;}.layers.svelte-mkl11s {grid-area:layers;min-width:0;}.timeline.svelte-mkl11s {grid-area:timeline;min-width:0;}.attribution.svelte-mkl11s {grid-area:attribution;container:attr / inline-size;}.legend.svelte-mkl11s {grid-area:legend;min-width:0;}.evolution.svelte-mkl11s {grid-area:evolution;min-width:0;}\n  @container viewer (width < 78em) {.viewer.svelte-mkl11s {grid-template-columns:minmax(0, 1fr) fit-content(10em) 12em;grid-template-rows:auto auto auto 1fr;grid-template-areas:\"trajectories layers legend\" \"timeline timeline legend\"\n                                   \"attribution attribution legend\" \"evolution evolution legend\";}\n  }\n  @container viewer (width < 50em) {.viewer.svelte-mkl11s {grid-template-columns:minmax(0, 1fr) fit-content(10em);grid-template-rows:auto;grid-template-areas:\"trajectories layers\" \"timeline timeline\" \"attribution attribution\"\n                                   \"legend legend\" \"evolution evolution\";}\n  }"
};
function Xs(e, t) {
	D(t, !0), Z(e, Ys);
	let n = $(t, "secondary", 3, !1), r = $(t, "evolution", 3, !1), i = $(t, "other", 3, null), a = /* @__PURE__ */ A(() => t.viewer.manifest), o = /* @__PURE__ */ A(() => r() && !t.viewer.isInput && t.viewer.stepsOfRun.length > 1 && t.viewer.activeRows.length > 0);
	var s = Js(), c = P(s);
	let l;
	var u = P(c), d = (e) => {
		var n = Ks(), r = F(n);
		Gs(P(r), { get viewer() {
			return t.viewer;
		} }), E(r);
		var i = L(r, 2);
		ts(P(i), { get viewer() {
			return t.viewer;
		} }), E(i), K(e, n);
	};
	J(u, (e) => {
		n() || e(d);
	});
	var f = L(u, 2);
	zs(P(f), {
		get viewer() {
			return t.viewer;
		},
		get other() {
			return i();
		}
	}), E(f);
	var p = L(f, 2);
	Lo(P(p), { get viewer() {
		return t.viewer;
	} }), E(p);
	var m = L(p, 2);
	ds(P(m), { get viewer() {
		return t.viewer;
	} }), E(m);
	var h = L(m, 2), g = (e) => {
		var n = qs();
		Zo(P(n), {
			get source() {
				return t.viewer.source;
			},
			get run() {
				return t.viewer.run;
			},
			get step() {
				return t.viewer.step;
			},
			get steps() {
				return t.viewer.stepsOfRun;
			},
			get layer() {
				return t.viewer.layer;
			},
			get traj() {
				return t.viewer.traj;
			},
			get frame() {
				return t.viewer.frame;
			},
			get output() {
				return t.viewer.activeRows[0].key;
			},
			get manifest() {
				return H(a);
			}
		}), E(n), K(e, n);
	};
	J(h, (e) => {
		H(o) && e(g);
	}), E(c), E(s), z(() => l = Xr(c, 1, "viewer svelte-mkl11s", null, l, { secondary: n() })), K(e, s), O();
}
// src/components/CompareView.svelte
var Zs = /* @__PURE__ */ G("<span class=\"pick svelte-dcls4q\"><b> </b> <!> <!></span>"), Qs = /* @__PURE__ */ G(" <code>--probe-set</code> to compare frame by frame.", 1), $s = /* @__PURE__ */ G("<span data-testid=\"match-status\" class=\"svelte-dcls4q\"> <!></span>"), ec = /* @__PURE__ */ G("<div role=\"region\"><div class=\"pane-head svelte-dcls4q\"><b data-testid=\"pane-label\"> </b> <span class=\"meta svelte-dcls4q\"> </span></div> <!></div>"), tc = /* @__PURE__ */ G("<div class=\"status svelte-dcls4q\" data-testid=\"compare-status\"><!> <!></div> <div></div> <!>", 1), nc = /* @__PURE__ */ G("<div class=\"compare svelte-dcls4q\" data-testid=\"compare-view\"><div class=\"bar svelte-dcls4q\"><button data-testid=\"single\">single view</button> <!> <button data-testid=\"swap\">swap</button></div> <!> <!></div>"), rc = {
	hash: "svelte-dcls4q",
	code: ".compare.svelte-dcls4q {padding:8px;}.bar.svelte-dcls4q {display:flex;gap:0.4em 1em;align-items:center;flex-wrap:wrap;margin-bottom:0.4em;}.pick.svelte-dcls4q {display:inline-flex;gap:0.3em;align-items:center;}.status.svelte-dcls4q {background:#eef4ff;border:1px solid #9bb8e8;padding:0.3em 0.5em;margin-bottom:0.4em;}.status.svelte-dcls4q span:where(.svelte-dcls4q) {display:block;}.panes.svelte-dcls4q {display:flex;flex-direction:column;gap:0.5em;}.panes.beside.svelte-dcls4q {flex-direction:row;align-items:flex-start;}.pane.svelte-dcls4q {flex:1 1 0;min-width:0;border:2px solid #ddd;padding:0 4px 4px;}.pane.active.svelte-dcls4q {border-color:#1f6fd1;}.pane-head.svelte-dcls4q {background:#f3f3f3;padding:2px 6px;margin:0 -4px;display:flex;flex-wrap:wrap;gap:0 1em;}.meta.svelte-dcls4q {color:#666;}"
};
function ic(e, t) {
	D(t, !0), Z(e, rc);
	let n = $(t, "compare", 7), r = /* @__PURE__ */ M(0), i = /* @__PURE__ */ A(() => H(r) >= 1360), a = ["a", "b"], o = (e) => e === "a" ? n().a : n().b, s = /* @__PURE__ */ A(() => [n().a.manifest, n().b.manifest]);
	var c = nc(), l = P(c), u = P(l), d = L(u, 2);
	X(d, 17, () => a, Y, (e, t) => {
		let r = /* @__PURE__ */ A(() => o(H(t)));
		var i = Zs(), a = P(i), s = I(a, !0), c = L(a, 2);
		{
			let e = /* @__PURE__ */ A(() => n().runs.map((e) => ({
				value: e.run,
				label: e.run
			})));
			Ga(c, {
				get testid() {
					return `cmp-run-${H(t) ?? ""}`;
				},
				get value() {
					return H(r).run;
				},
				wide: "20em",
				onchoose: (e) => n().choose(H(t), e),
				get options() {
					return H(e);
				}
			});
		}
		var l = L(c, 2);
		{
			let e = /* @__PURE__ */ A(() => String(H(r).step)), i = /* @__PURE__ */ A(() => n().stepsOf(H(r).run).map((e) => ({
				value: String(e),
				label: String(e)
			})));
			Ga(l, {
				get testid() {
					return `cmp-step-${H(t) ?? ""}`;
				},
				get value() {
					return H(e);
				},
				wide: "20em",
				onchoose: (e) => n().choose(H(t), H(r).run, Number(e)),
				get options() {
					return H(i);
				}
			});
		}
		E(i), z((e) => q(s, e), [() => H(t).toUpperCase()]), K(e, i);
	});
	var f = L(d, 2);
	E(l);
	var p = L(l, 2);
	{
		let e = /* @__PURE__ */ A(() => [
			n().a.error,
			...n().a.notices,
			n().b.error,
			...n().b.notices
		]);
		oo(p, {
			get error() {
				return n().error;
			},
			get notices() {
				return H(e);
			}
		});
	}
	var m = L(p, 2), h = (e) => {
		let t = /* @__PURE__ */ A(() => n().match);
		var r = tc(), c = F(r), l = P(c), u = (e) => {
			var t = Tr();
			z(() => q(t, `Same probe set (${H(s)[0].probe_set.id ?? ""}): one timeline drives both panes, and the graphs overlay
        the other side's series (dashed).`)), K(e, t);
		}, d = (e) => {
			var t = Qs(), n = F(t);
			Ee(2), z(() => q(n, `Different probe sets (A: ${H(s)[0].probe_set.id ?? "unknown" ?? ""}, B: ${H(s)[1].probe_set.id ?? "unknown" ?? ""}): the
        frames differ, so each pane navigates on its own (the arrow keys move the pane last clicked).
        Analyse both with the same `)), K(e, t);
		};
		J(l, (e) => {
			n().shared ? e(u) : e(d, -1);
		});
		var f = L(l, 2), p = (e) => {
			var n = $s(), r = P(n), i = L(r), a = (e) => {
				var n = Tr();
				z((e) => q(n, `${H(t).pairs.length ?? ""} matched, by ${H(t).reason ?? ""}${e ?? ""}.`), [() => H(t).unmatched_a.length || H(t).unmatched_b.length ? `; unmatched: A ${H(t).unmatched_a.map((e) => e + 1).join(", ") || "none"}, B ${H(t).unmatched_b.map((e) => e + 1).join(", ") || "none"}` : ""]), K(e, n);
			}, o = (e) => {
				var n = Tr();
				z(() => q(n, `not matched: ${H(t).reason ?? ""}.`)), K(e, n);
			};
			J(i, (e) => {
				H(t).method ? e(a) : e(o, -1);
			}), E(n), z(() => q(r, `Features of layer ${H(t).layer ?? ""}: `)), K(e, n);
		};
		J(f, (e) => {
			H(t) && e(p);
		}), E(c);
		var m = L(c, 2);
		let h;
		X(m, 21, () => a, Y, (e, t) => {
			let r = /* @__PURE__ */ A(() => o(H(t))), i = /* @__PURE__ */ A(() => o(H(t) === "a" ? "b" : "a"));
			var a = ec();
			let s;
			var c = P(a), l = P(c), u = I(l, !0), d = I(L(l, 2));
			E(c);
			var f = L(c, 2);
			{
				let e = /* @__PURE__ */ A(() => n().shared && H(t) === "b"), a = /* @__PURE__ */ A(() => n().shared ? {
					series: H(i).data.series,
					label: H(t) === "a" ? "B" : "A"
				} : null);
				Xs(f, {
					get viewer() {
						return H(r);
					},
					get secondary() {
						return H(e);
					},
					get other() {
						return H(a);
					}
				});
			}
			E(a), z((e, i, o) => {
				s = Xr(a, 1, "pane svelte-dcls4q", null, s, { active: !n().shared && n().active === H(t) }), Q(a, "data-testid", `pane-${H(t) ?? ""}`), Q(a, "aria-label", e), q(u, i), q(d, `${H(r).E ?? ""} trajectories × ${H(r).T ?? ""} steps, probe set ${H(r).manifest?.probe_set.id ?? "?" ?? ""},
              IG completeness error median ${o ?? ""} per frame`);
			}, [
				() => n().label(H(t)),
				() => n().label(H(t)),
				() => Va(H(r).manifest?.completeness?.per_frame.median)
			]), W("pointerdown", a, () => n().active = H(t)), K(e, a);
		}), E(m), X(L(m, 2), 17, () => a, Y, (e, t) => {
			let r = /* @__PURE__ */ A(() => o(H(t)));
			var a = Er(), s = F(a), c = (e) => {
				{
					let a = /* @__PURE__ */ A(() => n().label(H(t))), o = /* @__PURE__ */ A(() => H(i) ? H(t) === "a" ? "right" : "left" : "center");
					$a(e, {
						get viewer() {
							return H(r);
						},
						get label() {
							return H(a);
						},
						get place() {
							return H(o);
						}
					});
				}
			};
			J(s, (e) => {
				H(r).feature !== null && e(c);
			}), K(e, a);
		}), z(() => {
			Q(c, "data-shared", n().shared ? "1" : "0"), h = Xr(m, 1, "panes svelte-dcls4q", null, h, { beside: H(i) });
		}), K(e, r);
	};
	J(m, (e) => {
		n().ready && H(s)[0] && H(s)[1] && e(h);
	}), E(c), W("click", u, function(...e) {
		t.onSingle?.apply(this, e);
	}), W("click", f, () => n().swap()), vi(c, "clientWidth", (e) => N(r, e)), K(e, c), O();
}
hr(["click", "pointerdown"]);
// src/components/LinkStatus.svelte
var ac = /* @__PURE__ */ G("<li> </li>"), oc = /* @__PURE__ */ G("<div class=\"status svelte-o4g8cm\" data-testid=\"link-status\" role=\"status\"><span class=\"what\">This link asked for what is not here:</span> <ul class=\"svelte-o4g8cm\"></ul> <button data-testid=\"link-status-dismiss\" title=\"dismiss\" class=\"svelte-o4g8cm\">dismiss</button></div>"), sc = {
	hash: "svelte-o4g8cm",
	code: ".status.svelte-o4g8cm {display:flex;flex-wrap:wrap;align-items:flex-start;gap:0 1em;margin:8px 8px 0;background:#fff6d6;border:1px solid #e0b400;padding:0.3em 0.5em;overflow-wrap:anywhere;}ul.svelte-o4g8cm {margin:0;padding-left:1.2em;flex:1 1 20em;}button.svelte-o4g8cm {margin-left:auto;}"
};
function cc(e, t) {
	D(t, !0), Z(e, sc);
	var n = Er(), r = F(n), i = (e) => {
		var n = oc(), r = L(P(n), 2);
		X(r, 21, () => t.problems, Y, (e, t) => {
			var n = ac(), r = I(n, !0);
			z(() => q(r, H(t))), K(e, n);
		}), E(r);
		var i = L(r, 2);
		E(n), W("click", i, function(...e) {
			t.ondismiss?.apply(this, e);
		}), K(e, n);
	};
	J(r, (e) => {
		t.problems.length && e(i);
	}), K(e, n), O();
}
hr(["click"]);
// src/components/Picker.svelte
var lc = /* @__PURE__ */ G("<button data-testid=\"reload\">reload runs</button>"), uc = /* @__PURE__ */ G("<button data-testid=\"compare\" title=\"show this analysis beside another run or checkpoint\">compare…</button>"), dc = /* @__PURE__ */ G("<span class=\"meta svelte-83xk1q\" data-testid=\"analysis-completeness\" title=\"|sum of IG - (F(a) - F(0))| over the hidden-layer units: divided by |F(a) - F(0)| of each frame (large where F(a) ~ F(0)), and by the mean |F(a) - F(0)| of the frame's trajectory and output\"> </span>"), fc = /* @__PURE__ */ G("<div class=\"picker svelte-83xk1q\"><label>Run <!></label> <label>Checkpoint (training step) <!></label> <!> <!> <!></div>"), pc = {
	hash: "svelte-83xk1q",
	code: ".picker.svelte-83xk1q {display:flex;gap:0.4em 1em;align-items:center;flex-wrap:wrap;margin-bottom:0.5em;}.meta.svelte-83xk1q {color:#666;}"
};
function mc(e, t) {
	D(t, !0), Z(e, pc);
	let n = $(t, "onCompare", 3, null), r = $(t, "embedded", 3, !1), i = /* @__PURE__ */ A(() => t.viewer.manifest);
	function a(e) {
		let n = t.viewer.runs.find((t) => t.run === e);
		n && t.viewer.load(n.run, n.steps.includes(t.viewer.step) ? t.viewer.step : n.steps[n.steps.length - 1]);
	}
	var o = fc(), s = P(o), c = L(P(s));
	{
		let e = /* @__PURE__ */ A(() => t.viewer.runs.map((e) => ({
			value: e.run,
			label: e.run
		})));
		Ga(c, {
			testid: "run-select",
			get value() {
				return t.viewer.run;
			},
			onchoose: a,
			get options() {
				return H(e);
			}
		});
	}
	E(s);
	var l = L(s, 2), u = L(P(l));
	{
		let e = /* @__PURE__ */ A(() => String(t.viewer.step)), n = /* @__PURE__ */ A(() => t.viewer.stepsOfRun.map((e) => ({
			value: String(e),
			label: String(e)
		})));
		Ga(u, {
			testid: "step-select",
			get value() {
				return H(e);
			},
			onchoose: (e) => t.viewer.load(t.viewer.run, Number(e)),
			get options() {
				return H(n);
			}
		});
	}
	E(l);
	var d = L(l, 2), f = (e) => {
		var n = lc();
		W("click", n, () => t.viewer.loadRuns(!0).then(() => t.viewer.apply({}))), K(e, n);
	};
	J(d, (e) => {
		r() || e(f);
	});
	var p = L(d, 2), m = (e) => {
		var t = uc();
		W("click", t, () => n()?.()), K(e, t);
	};
	J(p, (e) => {
		n() && (t.viewer.runs.length > 1 || t.viewer.stepsOfRun.length > 1) && e(m);
	});
	var h = L(p, 2), g = (e) => {
		var n = dc(), r = I(n);
		z((e, n) => q(r, `${H(i).env.kind ?? ""}/${H(i).env.name ?? ""}, ${t.viewer.E ?? ""} trajectories × ${t.viewer.T ?? ""} steps,
      IG completeness error over the analysis: median ${e ?? ""} per frame,
      ${n ?? ""} of the trajectory's mean |F(a) − F(0)|`), [() => Va(H(i).completeness?.per_frame.median), () => Va(H(i).completeness?.unit_scaled.median)]), K(e, n);
	};
	J(h, (e) => {
		H(i) && e(g);
	}), E(o), K(e, o), O();
}
hr(["click"]);
// src/components/SingleView.svelte
var hc = /* @__PURE__ */ G("<div class=\"app svelte-b2f34v\"><!> <!> <!></div> <!>", 1), gc = {
	hash: "svelte-b2f34v",
	code: ".app.svelte-b2f34v {padding:8px;}"
};
function _c(e, t) {
	D(t, !0), Z(e, gc);
	let n = $(t, "reloads", 3, 0), r = $(t, "onCompare", 3, null), i = $(t, "embedded", 3, !1);
	var a = hc(), o = F(a), s = P(o);
	{
		let e = /* @__PURE__ */ A(() => t.viewer.runs.length > 0);
		oo(s, {
			get error() {
				return t.viewer.error;
			},
			get notices() {
				return t.viewer.notices;
			},
			get problems() {
				return t.viewer.problems;
			},
			get haveRuns() {
				return H(e);
			}
		});
	}
	var c = L(s, 2);
	mc(c, {
		get viewer() {
			return t.viewer;
		},
		get onCompare() {
			return r();
		},
		get embedded() {
			return i();
		}
	});
	var l = L(c, 2), u = (e) => {
		Xs(e, {
			get viewer() {
				return t.viewer;
			},
			evolution: !0
		});
	};
	J(l, (e) => {
		t.viewer.manifest && e(u);
	}), E(o);
	var d = L(o, 2), f = (e) => {
		$a(e, { get viewer() {
			return t.viewer;
		} });
	};
	J(d, (e) => {
		t.viewer.manifest && t.viewer.feature !== null && e(f);
	}), z(() => Q(o, "data-reloads", n())), K(e, a), O();
}
// src/components/Root.svelte
var vc = /* @__PURE__ */ G("<div class=\"rlc svelte-ox335s\"><!> <!></div>"), yc = {
	hash: "svelte-ox335s",
	code: ".rlc.svelte-ox335s {font:13px/1.4 system-ui, sans-serif;color:#222;}.rlc.svelte-ox335s h3 {margin:0.6em 0 0.3em;font-size:1.05em;}.rlc.svelte-ox335s .small {font-size:0.85em;color:#666;margin:0.2em 0;}.rlc.svelte-ox335s .link {background:none;border:none;color:#1f6fd1;cursor:pointer;padding:0;text-decoration:underline;font:inherit;text-align:left;}"
};
function bc(e, t) {
	D(t, !0), Z(e, yc);
	let n = Hi(), r = U(() => t.source.compare ?? null), i = U(() => t.source.embedded), a = U(() => new Ta(t.source)), o = /* @__PURE__ */ M(qt(n.view.run_b !== void 0 || r ? "compare" : "single")), s = /* @__PURE__ */ M(null), c = () => {}, l = /* @__PURE__ */ M(0), u = /* @__PURE__ */ M([]), d = /* @__PURE__ */ M(0);
	async function f(e, n = !1) {
		c();
		let i = U(() => new Oa(t.source));
		return c = i.start(), N(s, i), N(o, "compare"), i.open(e, n ? r : null);
	}
	async function p(e) {
		return H(o) === "compare" && (c(), c = () => {}, N(s, null)), N(o, "single"), !a.runs.length && !await a.loadRuns() ? [] : a.apply(e);
	}
	async function m(e, t = !1) {
		Qi(), N(d, H(d) + 1);
		try {
			let n = e.view, r = n.run_b !== void 0 || t ? await f(n, t) : await p(n);
			N(u, [...e.invalid, ...r]);
		} finally {
			N(d, H(d) - 1);
		}
	}
	function h() {
		p(H(s)?.a.manifest ? H(s).a.urlState() : {});
	}
	R(() => {
		H(d) || (H(o) === "single" && a.manifest ? $i(a.urlState()) : H(o) === "compare" && H(s)?.ready && $i(H(s).urlState()));
	});
	function g() {
		return H(o) === "compare" && H(s) ? H(s).a.closeFeature() || H(s).b.closeFeature() : a.closeFeature();
	}
	function _(e, t = !1) {
		ji(e, H(o) === "compare" ? H(s)?.playback ?? null : a.playback, g, t);
	}
	Ci(() => {
		let e = a.start();
		m(n, !!r), i && qi();
		let u = i ? () => {} : aa(() => {
			N(l, H(l) + 1), H(o) === "single" && a.loadRuns(!0).then((e) => {
				e && a.apply({});
			});
		}), d = [
			ia((e) => m(e), !i),
			ra(),
			i ? () => {} : na((e) => _(e, !0))
		];
		return wi({
			source: t.source,
			get mode() {
				return H(o);
			},
			state: () => H(o) === "compare" && H(s) ? H(s).state() : {
				mode: H(o),
				run: a.run,
				step: a.step,
				layer: a.layer,
				traj: a.traj,
				frame: a.frame,
				rows: [...a.rows],
				playing: a.playing
			},
			setFrame(e) {
				let t = H(o) === "compare" && H(s) ? H(s).a.playback : a.playback;
				return t.seek(e), kt(), t.frame;
			}
		}), () => {
			for (let e of d) e();
			u(), c(), e(), a.playback.dispose();
		};
	});
	var v = vc();
	mr("keydown", Xt, (e) => _(e));
	var y = P(v);
	cc(y, {
		get problems() {
			return H(u);
		},
		ondismiss: () => N(u, [])
	});
	var b = L(y, 2), x = (e) => {
		ic(e, {
			get compare() {
				return H(s);
			},
			onSingle: h
		});
	}, S = (e) => {
		_c(e, {
			get viewer() {
				return a;
			},
			get reloads() {
				return H(l);
			},
			get embedded() {
				return i;
			},
			onCompare: () => f(a.urlState())
		});
	};
	J(b, (e) => {
		H(o) === "compare" && H(s) ? e(x) : H(o) === "single" && e(S, 1);
	}), E(v), z(() => Q(v, "data-link-problems", H(u).length)), K(e, v), O();
}
// src/routes.ts
var xc = /* @__PURE__ */ new Set(["v", "v_b"]);
function Sc(e) {
	return new URLSearchParams(Object.entries(e).map(([e, t]) => [e, String(t)])).toString();
}
function Cc(e) {
	return String(Number(e));
}
var wc = /[A-Za-z0-9_.~-]/, Tc = new TextEncoder();
function Ec(e) {
	let t = "";
	for (let n of Tc.encode(e)) {
		let e = String.fromCharCode(n);
		n < 128 && wc.test(e) ? t += e : t += n === 32 ? "+" : "%" + n.toString(16).toUpperCase().padStart(2, "0");
	}
	return t;
}
function Dc(e, t) {
	return `${e}?${Object.entries(t).filter(([e]) => !xc.has(e)).map(([e, t]) => [e, String(t)]).sort(([e, t], [n, r]) => e < n ? -1 : e > n ? 1 : t < r ? -1 : +(t > r)).map(([e, t]) => `${Ec(e)}=${Ec(t)}`).join("&")}`;
}
// src/data.ts
var Oc = class e {
	transport;
	static attributionBudget = 384 * 2 ** 20;
	static fullFrames = 96;
	cache = /* @__PURE__ */ new Map();
	attributionBytes = /* @__PURE__ */ new Map();
	full = /* @__PURE__ */ new Map();
	digests = /* @__PURE__ */ new Map();
	constructor(e) {
		this.transport = e;
	}
	get embedded() {
		return this.transport.embedded;
	}
	get compare() {
		return this.transport.compare;
	}
	params(e, t, n = {}) {
		let r = this.digests.get(`${e}\u0000${t}`);
		return {
			run: e,
			step: t,
			...n,
			...r ? { v: r } : {}
		};
	}
	memo(e, t, n) {
		let r = `${Dc(e, t)}#${t.v ?? ""}/${t.v_b ?? ""}`, i = this.cache.get(r);
		return i ? (this.cache.delete(r), this.cache.set(r, i), i) : (i = n(), this.cache.set(r, i), i.catch(() => this.cache.delete(r)), e === "attribution" && i.then((e) => {
			this.cache.get(r) === i && (this.attributionBytes.set(r, e.byteLength), this.trimAttributions());
		}, () => this.attributionBytes.delete(r)), i);
	}
	trimAttributions() {
		let t = 0;
		for (let e of this.attributionBytes.values()) t += e;
		for (let n of this.cache.keys()) {
			if (t <= e.attributionBudget) break;
			let r = this.attributionBytes.get(n);
			r !== void 0 && (this.cache.delete(n), this.attributionBytes.delete(n), t -= r);
		}
	}
	json(e, t) {
		return this.memo(e, t, () => this.transport.json(e, t));
	}
	async runs(e = !1) {
		return await this.transport.json("runs", e ? { refresh: 1 } : {});
	}
	manifest(e, t) {
		let n = {
			run: e,
			step: t
		};
		return this.memo("manifest", n, async () => {
			let r = await this.transport.json("manifest", n);
			return this.digests.set(`${e}\u0000${t}`, (r.digest || "").slice(0, 12)), r;
		});
	}
	series(e, t, n) {
		return this.json("series", this.params(e, t, { traj: n }));
	}
	unit(e, t, n, r, i) {
		return this.json("unit", this.params(e, t, {
			layer: n,
			traj: r,
			output: i
		}));
	}
	attribution(e, t, n, r, i) {
		let a = this.params(e, t, {
			layer: n,
			traj: r,
			output: i
		});
		return this.memo("attribution", a, async () => {
			let [o, s] = await Promise.all([this.unit(e, t, n, r, i), this.transport.bytes("attribution", a)]);
			return so(s, o.shape, o.codec);
		});
	}
	featureGrid(e, t, n, r, i, a) {
		return this.json("feature_grid", this.params(e, t, {
			layer: n,
			feature: r,
			subdiv: Cc(i),
			expand: Cc(a)
		}));
	}
	match(e, t, n, r, i) {
		return this.json("match", {
			...this.params(e, t),
			run_b: n,
			step_b: r,
			layer: i,
			v_b: this.digests.get(`${n}\u0000${r}`) ?? ""
		});
	}
	image(e, t, n, r) {
		let i = e === "feature" ? {
			...r,
			subdiv: Cc(r.subdiv),
			expand: Cc(r.expand)
		} : r, a = this.params(t, n, i);
		return this.memo(e, a, () => this.transport.image(e, a));
	}
	fullFrame(t, n, r) {
		let i = this.params(t, n, r), a = `${Dc("fullres", i)}#${i.v ?? ""}`, o = this.full.get(a);
		for (o ? this.full.delete(a) : (o = this.transport.image("fullres", i), o.catch(() => this.full.delete(a))), this.full.set(a, o); this.full.size > e.fullFrames;) this.full.delete(this.full.keys().next().value);
		return o;
	}
}, kc = class {
	base;
	embedded = !1;
	constructor(e = "./") {
		this.base = e;
	}
	url(e, t) {
		return `${this.base}${e}?${Sc(t)}`;
	}
	async get(e, t) {
		let n = await fetch(this.url(e, t));
		if (!n.ok) throw new oa(e, n.status, sa(await n.text()));
		return n;
	}
	async json(e, t) {
		return (await this.get(e, t)).json();
	}
	async bytes(e, t) {
		return new Uint8Array(await (await this.get(e, t)).arrayBuffer());
	}
	image(e, t) {
		let n = this.url(e, t);
		return Ac(n).catch(async () => {
			let t;
			try {
				t = await fetch(n);
			} catch (t) {
				throw new oa(e, 0, `no answer (${String(t)})`);
			}
			throw t.ok ? new oa(e, 0, "the picture could not be decoded") : new oa(e, t.status, sa(await t.text()));
		});
	}
};
function Ac(e) {
	return new Promise((t, n) => {
		let r = new Image();
		r.onload = () => t(r), r.onerror = () => n(new oa("picture", 0, "the picture could not be decoded")), r.src = e;
	});
}
// src/parts.ts
var jc = [
	0,
	13,
	60
];
function Mc(e) {
	let t = new Uint8Array(Math.floor(e.length * 14 / 8) + 1), n = 0, r = 0, i = 0, a = (e) => {
		r = r << 7 | e, i += 7, i >= 8 && (i -= 8, t[n++] = r >> i & 255, r &= (1 << i) - 1);
	};
	for (let t = 0; t < e.length; t++) {
		let n = e.charCodeAt(t);
		if (n < 128) {
			a(n);
			continue;
		}
		let r = n - 256, i = r >> 7;
		if (r < 0 || i > 5) throw Error(`not a text7 character: U+${n.toString(16)}`);
		i < 3 ? (a(jc[i]), a(r & 127)) : a(jc[i - 3]);
	}
	return t.slice(0, n);
}
function Nc(e, t) {
	let [n, r, i, a] = t, o = n * r * i * a;
	if (e.length !== 2 * o) throw Error(`attribution residuals hold ${e.length / 2} values, expected ${t.join("x")}`);
	let s = new Uint8Array(2 * o), c = r * i, l = new Int16Array(c);
	for (let t = 0; t < a * n; t++) {
		let n = t * c;
		for (let t = 0; t < r; t++) for (let r = 0; r < i; r++) {
			let a = t * i + r, c = n + a, u = e[c] | e[o + c] << 8, d = (u >>> 1 ^ -(u & 1)) + ((r > 0 ? l[a - 1] : 0) + (t > 0 ? l[a - i] : 0) >> 1) << 16 >> 16;
			l[a] = d;
			let f = (d << 1 ^ d >> 15) & 65535;
			s[c] = f & 255, s[o + c] = f >> 8;
		}
	}
	return s;
}
function Pc(e) {
	let t = new DataView(e.buffer, e.byteOffset, e.byteLength), n = 4 + t.getUint32(0, !0), r = (e, r, i) => {
		let a = n + r, o = e === "i32" ? () => {
			let e = t.getInt32(a, !0);
			return a += 4, e;
		} : e === "f32" ? () => {
			let e = t.getFloat32(a, !0);
			return a += 4, e;
		} : e === "f64" ? () => {
			let e = t.getFloat64(a, !0);
			return a += 8, e;
		} : null;
		if (!o) throw Error(`unknown array type ${e}`);
		let s = (e) => Array.from({ length: i[e] }, () => e === i.length - 1 ? o() : s(e + 1));
		return s(0);
	}, i = (e) => {
		if (Array.isArray(e)) return e.map(i);
		if (e && typeof e == "object") {
			let t = e["\0a"];
			return t ? r(...t) : Object.fromEntries(Object.entries(e).map(([e, t]) => [e, i(t)]));
		}
		return e;
	};
	return i(JSON.parse(new TextDecoder().decode(e.subarray(4, n))));
}
async function Fc(e) {
	let t = new Blob([e]).stream().pipeThrough(new DecompressionStream("deflate"));
	return new Uint8Array(await new Response(t).arrayBuffer());
}
// src/png.ts
var Ic = (() => {
	let e = /* @__PURE__ */ new Uint32Array(256);
	for (let t = 0; t < 256; t++) {
		let n = t;
		for (let e = 0; e < 8; e++) n = n & 1 ? 3988292384 ^ n >>> 1 : n >>> 1;
		e[t] = n >>> 0;
	}
	return e;
})();
function Lc(e) {
	let t = 4294967295;
	for (let n = 0; n < e.length; n++) t = Ic[(t ^ e[n]) & 255] ^ t >>> 8;
	return (t ^ 4294967295) >>> 0;
}
function Rc(e, t) {
	let n = new Uint8Array(12 + t.length), r = new DataView(n.buffer);
	r.setUint32(0, t.length);
	for (let t = 0; t < 4; t++) n[4 + t] = e.charCodeAt(t);
	return n.set(t, 8), r.setUint32(8 + t.length, Lc(n.subarray(4, 8 + t.length))), n;
}
async function zc(e) {
	let t = new Blob([e]).stream().pipeThrough(new CompressionStream("deflate"));
	return new Uint8Array(await new Response(t).arrayBuffer());
}
async function Bc(e, t, n) {
	let r = new Uint8Array(t * (1 + e * 4));
	for (let i = 0; i < t; i++) r[i * (1 + e * 4)] = 0, r.set(n.subarray(i * e * 4, (i + 1) * e * 4), i * (1 + e * 4) + 1);
	let i = /* @__PURE__ */ new Uint8Array(13), a = new DataView(i.buffer);
	a.setUint32(0, e), a.setUint32(4, t), i.set([
		8,
		6,
		0,
		0,
		0
	], 8);
	let o = [
		new Uint8Array([
			137,
			80,
			78,
			71,
			13,
			10,
			26,
			10
		]),
		Rc("IHDR", i),
		Rc("IDAT", await zc(r)),
		Rc("IEND", /* @__PURE__ */ new Uint8Array())
	], s = new Uint8Array(o.reduce((e, t) => e + t.length, 0)), c = 0;
	for (let e of o) s.set(e, c), c += e.length;
	return s;
}
function Vc(e, t) {
	let n = "";
	for (let e = 0; e < t.length; e += 32768) n += String.fromCharCode(...t.subarray(e, e + 32768));
	return `data:${e};base64,${btoa(n)}`;
}
var Hc = class {
	embedded = !0;
	compare;
	analyses;
	routes;
	text;
	sheets = /* @__PURE__ */ new Map();
	constructor(e, t) {
		let n = JSON.parse(e.textContent || "{}");
		if (n.format !== 3) throw Error(`this page is in export format ${n.format}, this interface reads format 3: export it again with this version of rl-clarity`);
		this.routes = n.routes, this.text = t.textContent || "", this.analyses = n.analyses, this.compare = n.compare ?? void 0;
	}
	entry(e, t) {
		let n = this.routes[Dc(e, t)];
		if (!n) {
			let n = this.analyses.map((e) => `${e.run} at step ${e.step}`).join(" and ");
			throw Error(`this page does not hold ${e} of ${JSON.stringify(t)} (it holds ${n}, as exported)`);
		}
		return n;
	}
	raw([, e, t]) {
		return Mc(this.text.slice(e, t));
	}
	async json(e, t) {
		let n = this.entry(e, t);
		if (n[0] === "json") return JSON.parse(new TextDecoder().decode(await Fc(this.raw(n))));
		if (n[0] === "json+arrays") return Pc(await Fc(this.raw(n)));
		throw Error(`${e} is recorded as ${n[0]}, not JSON`);
	}
	async bytes(e, t) {
		let n = this.entry(e, t);
		if (n[0] === "planes-avg") {
			let e = await this.json("unit", t);
			return Nc(await Fc(this.raw(n)), e.shape);
		}
		if (n[0] === "bytes") return this.raw(n);
		throw Error(`${e} is recorded as ${n[0]}, not bytes`);
	}
	async image(e, t) {
		let n = this.entry(e, t);
		if (n[0] === "bytes") return Ac(Vc(n[3], this.raw(n)));
		if (n[0] === "feature-alpha") {
			let e = await this.featurePixels(t);
			return Ac(Vc("image/png", await Bc(e.width, e.height, e.data)));
		}
		throw Error(`${e} is recorded as ${n[0]}, not a picture`);
	}
	sheetPixels(e, t) {
		let n = {
			run: e.run,
			step: e.step,
			sheet: t
		}, r = Dc("observations", n), i = this.sheets.get(r);
		return i || (i = this.image("observations", n).then((e) => {
			let t = document.createElement("canvas");
			t.width = e.naturalWidth, t.height = e.naturalHeight;
			let n = t.getContext("2d", { willReadFrequently: !0 });
			return n.drawImage(e, 0, 0), n.getImageData(0, 0, t.width, t.height);
		}), this.sheets.set(r, i)), i;
	}
	async featurePixels(e) {
		let t = {
			run: e.run,
			step: e.step
		}, [n, r, i] = await Promise.all([
			this.json("manifest", t),
			this.json("feature_grid", e),
			Fc(this.raw(this.entry("feature", e)))
		]), a = r.layout, [o, s] = n.probe_set.observation_shape, { sheet_size: c, sheet_columns: l } = n.assets, u = /* @__PURE__ */ new Map();
		for (let t of new Set(r.indices)) {
			let n = Math.floor(t / c);
			u.has(n) || u.set(n, await this.sheetPixels(e, n));
		}
		let d = a.rows_lo.map((e, t) => Math.max(a.rows_hi[t] - e, 0)), f = a.cols_lo.map((e, t) => Math.max(a.cols_hi[t] - e, 0)), p = d.reduce((e, t) => e + t, 0), m = f.reduce((e, t) => e + t, 0), h = new ImageData(m, p), g = h.data, _ = 0;
		for (let e = 0; e < d.length; e++) {
			let t = 0;
			for (let n = 0; n < f.length; n++) {
				let p = r.indices[e * f.length + n], h = i[e * f.length + n], v = u.get(Math.floor(p / c)), y = p % c, b = y % l * s, x = Math.floor(y / l) * o;
				for (let r = 0; r < d[e]; r++) {
					let i = a.rows_lo[e] + r, c = i - a.pad_rows;
					for (let e = 0; e < f[n]; e++) {
						let l = a.cols_lo[n] + e, u = l - a.pad_cols, d = ((_ + r) * m + t + e) * 4;
						if (c >= 0 && c < o && u >= 0 && u < s) {
							let e = ((x + c) * v.width + b + u) * 4;
							g[d] = v.data[e], g[d + 1] = v.data[e + 1], g[d + 2] = v.data[e + 2];
						} else {
							let e = (i + l) % 2 ? 255 : 191;
							g[d] = e, g[d + 1] = e, g[d + 2] = e;
						}
						g[d + 3] = h;
					}
				}
				t += f[n];
			}
			_ += d[e];
		}
		return h;
	}
};
// src/main.ts
function Uc(e) {
	document.body.style.margin = "0", Mr(bc, {
		target: document.body,
		props: { source: e ?? new Oc(new kc("./")) }
	});
}
var Wc = document.getElementById("rlc-index"), Gc = document.getElementById("rlc-blobs");
Wc && Gc && Uc(new Oc(new Hc(Wc, Gc)));
export { Uc as render };
