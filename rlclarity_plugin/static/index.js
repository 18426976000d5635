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
var h = 1024, g = 2048, _ = 4096, v = 8192, y = 16384, b = 32768, x = 1 << 25, S = 65536, C = 1 << 19, w = 1 << 20, T = 1 << 25, ee = 1 << 21, te = 1 << 22, ne = 1 << 23, re = Symbol("$state"), ie = Symbol("component"), ae = Symbol("legacy props"), oe = Symbol(""), E = Symbol("attributes"), se = Symbol("class"), ce = Symbol("style"), le = Symbol("text"), ue = Symbol("form reset"), de = new class extends Error {
	name = "StaleReactionError";
	message = "The reaction that called `getAbortSignal()` was re-run or destroyed";
}(), fe = !!globalThis.document?.contentType && /* @__PURE__ */ globalThis.document.contentType.includes("xml"), pe = {}, D = Symbol("uninitialized"), me = "http://www.w3.org/1999/xhtml";
function he() {
	console.warn("https://svelte.dev/e/derived_inert");
}
function ge(e) {
	console.warn("https://svelte.dev/e/hydration_mismatch");
}
function _e() {
	console.warn("https://svelte.dev/e/select_multiple_invalid_value");
}
function ve() {
	console.warn("https://svelte.dev/e/svelte_boundary_reset_noop");
}
// node_modules/svelte/src/internal/client/dom/hydration.js
var O = !1;
function ye(e) {
	O = e;
}
var k;
function A(e) {
	if (e === null) throw ge(), pe;
	return k = e;
}
function be() {
	return A(/* @__PURE__ */ Qt(k));
}
function j(e) {
	if (O) {
		if (/* @__PURE__ */ Qt(k) !== null) throw ge(), pe;
		k = e;
	}
}
function xe(e = 1) {
	if (O) {
		for (var t = e, n = k; t--;) n = /* @__PURE__ */ Qt(n);
		k = n;
	}
}
function Se(e = !0) {
	for (var t = 0, n = k;;) {
		if (n.nodeType === 8) {
			var r = n.data;
			if (r === "]") {
				if (t === 0) return n;
				--t;
			} else (r === "[" || r === "[!" || r[0] === "[" && !isNaN(Number(r.slice(1)))) && (t += 1);
		}
		var i = /* @__PURE__ */ Qt(n);
		e && n.remove(), n = i;
	}
}
function Ce(e) {
	if (!e || e.nodeType !== 8) throw ge(), pe;
	return e.data;
}
// node_modules/svelte/src/internal/client/reactivity/equality.js
function we(e) {
	return e === this.v;
}
function Te(e, t) {
	return e == e ? e !== t || typeof e == "object" && !!e || typeof e == "function" : t == t;
}
function Ee(e) {
	return !Te(e, this.v);
}
function De(e) {
	throw Error("https://svelte.dev/e/lifecycle_outside_component");
}
// node_modules/svelte/src/internal/client/errors.js
function Oe() {
	throw Error("https://svelte.dev/e/async_derived_orphan");
}
function ke(e, t, n) {
	throw Error("https://svelte.dev/e/each_key_duplicate");
}
function Ae(e) {
	throw Error("https://svelte.dev/e/effect_in_teardown");
}
function je() {
	throw Error("https://svelte.dev/e/effect_in_unowned_derived");
}
function Me(e) {
	throw Error("https://svelte.dev/e/effect_orphan");
}
function Ne() {
	throw Error("https://svelte.dev/e/effect_update_depth_exceeded");
}
function Pe(e) {
	throw Error("https://svelte.dev/e/props_invalid_value");
}
function Fe() {
	throw Error("https://svelte.dev/e/state_descriptors_fixed");
}
function Ie() {
	throw Error("https://svelte.dev/e/state_prototype_fixed");
}
function Le() {
	throw Error("https://svelte.dev/e/state_unsafe_mutation");
}
function Re() {
	throw Error("https://svelte.dev/e/svelte_boundary_reset_onerror");
}
// node_modules/svelte/src/internal/client/context.js
var M = null;
function ze(e) {
	M = e;
}
function Be(e, t = !1, n) {
	M = {
		p: M,
		i: !1,
		c: null,
		e: null,
		s: e,
		x: null,
		r: W,
		l: null
	};
}
function Ve(e) {
	var t = M, n = t.e;
	if (n !== null) {
		t.e = null;
		for (var r of n) pn(r);
	}
	return e !== void 0 && (t.x = e), t.i = !0, M = t.p, He(e);
}
function He(e = {}) {
	return i(e, ie, { value: !0 }), e;
}
function Ue() {
	return !0;
}
// node_modules/svelte/src/internal/client/dom/task.js
var We = [];
function Ge() {
	var e = We;
	We = [], f(e);
}
function N(e) {
	if (We.length === 0 && !_t) {
		var t = We;
		queueMicrotask(() => {
			t === We && Ge();
		});
	}
	We.push(e);
}
function Ke() {
	for (; We.length > 0;) Ge();
}
// node_modules/svelte/src/internal/client/reactivity/status.js
var qe = ~(g | _ | h);
function P(e, t) {
	e.f = e.f & qe | t;
}
function Je(e) {
	e.f & 512 || e.deps === null ? P(e, h) : P(e, _);
}
// node_modules/svelte/src/internal/client/reactivity/utils.js
function Ye(e, t) {
	e.f & 2048 ? t.set(e, g) : e.f & 4096 && t.get(e) !== 2048 && t.set(e, _), P(e, h);
}
// node_modules/svelte/src/internal/client/dom/elements/misc.js
var Xe = !1;
function Ze() {
	Xe || (Xe = !0, document.addEventListener("reset", (e) => {
		Promise.resolve().then(() => {
			if (!e.defaultPrevented) for (let t of e.target.elements) t[ue]?.();
		});
	}, { capture: !0 }));
}
// node_modules/svelte/src/internal/client/dom/elements/bindings/shared.js
function Qe(e) {
	var t = U, n = W;
	Fn(null), In(null);
	try {
		return e();
	} finally {
		Fn(t), In(n);
	}
}
function $e(e, t, n, r = n) {
	e.addEventListener(t, () => Qe(n));
	let i = e[ue];
	e[ue] = i ? () => {
		i(), r(!0);
	} : () => r(!0), Ze();
}
// node_modules/svelte/src/internal/client/reactivity/async.js
function et(e, t, n, r) {
	let i = Ue() ? it : st;
	var a = e.filter((e) => !e.settled), o = t.map(i);
	if (n.length === 0 && a.length === 0) {
		r(o);
		return;
	}
	var s = W, c = tt(), l = a.length === 1 ? a[0].promise : a.length > 1 ? Promise.all(a.map((e) => e.promise)) : null;
	function u(e) {
		if (!(s.f & 16384)) {
			c();
			try {
				r([...o, ...e]);
			} catch (e) {
				on(e, s);
			}
			nt();
		}
	}
	var d = rt();
	if (n.length === 0) {
		l.then(() => u([])).finally(d);
		return;
	}
	function f() {
		Promise.all(n.map((e) => /* @__PURE__ */ ot(e))).then(u).catch((e) => on(e, s)).finally(d);
	}
	l ? l.then(() => {
		s.f & 16384 ? d() : (c(), f(), nt());
	}) : f();
}
function tt() {
	var e = W, t = U, n = M, r = I;
	return function(i = !0) {
		In(e), Fn(t), ze(n), i && !(e.f & 16384) && (r?.activate(), r?.apply());
	};
}
function nt(e = !0) {
	In(null), Fn(null), ze(null), e && I?.deactivate();
}
function rt() {
	var e = W, t = e.b, n = I, r = !!t?.is_rendered();
	return t?.update_pending_count(1, n), n.increment(r, e), () => {
		t?.update_pending_count(-1, n), n.decrement(r, e);
	};
}
/*#__NO_SIDE_EFFECTS__*/
function it(e) {
	var t = 2 | g;
	return W !== null && (W.f |= C), {
		ctx: M,
		deps: null,
		effects: null,
		equals: we,
		f: t,
		fn: e,
		reactions: null,
		rv: 0,
		v: D,
		wv: 0,
		parent: W,
		ac: null
	};
}
var at = Symbol("obsolete");
/*#__NO_SIDE_EFFECTS__*/
function ot(e, t, n) {
	let r = W;
	r === null && Oe();
	var i = void 0, a = Pt(D), o = !U, s = /* @__PURE__ */ new Set();
	return gn(() => {
		var t = W, n = p();
		i = n.promise;
		try {
			Promise.resolve(e()).then(n.resolve, (e) => {
				e !== de && n.reject(e);
			}).finally(nt);
		} catch (e) {
			n.reject(e), nt();
		}
		var c = I;
		if (o) {
			if (t.f & 32768) var l = rt();
			if (r.b?.is_rendered()) c.async_deriveds.get(t)?.reject(at);
			else for (let e of s.values()) e.reject(at);
			s.add(n), c.async_deriveds.set(t, n);
		}
		let u = (e, t = void 0) => {
			l?.(), s.delete(n), t !== at && (c.activate(), t ? (a.f |= ne, Rt(a, t)) : (a.f & 8388608 && (a.f ^= ne), Rt(a, e)), c.deactivate());
		};
		n.promise.then(u, (e) => u(null, e || "unknown"));
	}), dn(() => {
		for (let e of s) e.reject(at);
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
function F(e) {
	let t = /* @__PURE__ */ it(e);
	return Rn(t), t;
}
/*#__NO_SIDE_EFFECTS__*/
function st(e) {
	let t = /* @__PURE__ */ it(e);
	return t.equals = Ee, t;
}
function ct(e) {
	var t = e.effects;
	if (t !== null) {
		e.effects = null;
		for (var n = 0; n < t.length; n += 1) Cn(t[n]);
	}
}
function lt(e) {
	var t, n = W, r = e.parent;
	if (!Mn && r !== null && e.v !== D && r.f & 24576) return he(), e.v;
	In(r);
	try {
		ct(e), t = Xn(e);
	} finally {
		In(n);
	}
	return t;
}
function ut(e) {
	var t = lt(e);
	!e.equals(t) && (e.wv = qn(), (!I?.is_fork || e.deps === null) && (I === null ? e.v = t : (I.capture(e, t, !0), mt?.capture(e, t, !0)), e.deps === null)) ? P(e, h) : Mn || (ht === null ? Je(e) : (un() || I?.is_fork) && ht.set(e, t));
}
function dt(e) {
	if (e.effects !== null) for (let t of e.effects) (t.teardown || t.ac) && (t.teardown?.(), t.ac !== null && Qe(() => {
		t.ac.abort(de), t.ac = null;
	}), t.fn !== null && (t.teardown = d), $n(t, 0), xn(t));
}
function ft(e) {
	if (e.effects !== null) for (let t of e.effects) t.teardown && t.fn !== null && er(t);
}
// node_modules/svelte/src/internal/client/reactivity/batch.js
var pt = null, I = null, mt = null, ht = null, gt = null, _t = !1, vt = !1, yt = null, bt = null, xt = 0, St = 1, Ct = class e {
	id = St++;
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
		pt === null ? pt = this : (pt.next = this, this.prev = pt), pt = this;
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
			for (var r of n.d) P(r, g), t(r);
			for (r of n.m) P(r, _), t(r);
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
		for (let [e, t] of this.#s) P(e, t), this.schedule(e);
		this.apply();
		for (var t = yt = [], n = [], r = bt = []; this.#a.length > 0;) {
			xt++ > 1e3 && (this.#b(), Tt());
			for (let e of this.#p()) try {
				this.#h(e, t, n);
			} catch (t) {
				throw At(e), this.#d() || this.discard(), t;
			}
		}
		if (I = null, r.length > 0) {
			var i = e.ensure();
			for (let e of r) i.schedule(e);
		}
		if (yt = null, bt = null, this.#d()) {
			this.#y(n), this.#y(t);
			for (let [e, t] of this.#c) kt(e, t);
			r.length > 0 && I.#m();
			return;
		}
		let a = this.#g();
		if (a) this.#y(n), this.#y(t), a.#v(this);
		else {
			this.#s.clear();
			for (let e of this.#e) e(this);
			this.#e.clear(), mt = this, Dt(n), Dt(t), mt = null, this.#i?.resolve();
			var o = I;
			this.#n === 0 && (this.#a.length === 0 || o !== null) && this.#b(), o !== null && (Mt.clear(), o.#m());
		}
	}
	#h(e, t, n) {
		e.f ^= h;
		for (var r = e.first; r !== null;) {
			var i = r.f, a = !!(i & 96);
			if (!(a && i & 1024 || i & 8192 || this.#c.has(r)) && r.fn !== null) {
				a ? r.f ^= h : i & 4 ? t.push(r) : Jn(r) && (i & 16 && this.add_dirty_reaction(r, _), er(r));
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
					r & 4194320 && !this.async_deriveds.has(i) && (this.#s.delete(i), P(i, g), this.schedule(i));
				}
			}
		};
		for (let e of this.current.keys()) t(e);
		this.oncommit(() => e.discard()), e.#b(), I = this, this.#m();
	}
	#y(e) {
		for (var t = 0; t < e.length; t += 1) Ye(e[t], this.#s);
	}
	capture(e, t, n = !1) {
		e.v !== D && !this.previous.has(e) && this.previous.set(e, e.v), e.f & 8388608 || (this.current.set(e, [t, n]), ht?.set(e, t)), this.is_fork || (e.v = t);
	}
	activate() {
		I = this;
	}
	deactivate() {
		I = null, ht = null;
	}
	flush() {
		try {
			vt = !0, I = this, this.#m();
		} finally {
			xt = 0, gt = null, yt = null, bt = null, vt = !1, I = null, ht = null, Mt.clear();
		}
	}
	discard() {
		for (let e of this.#t) e(this);
		this.#t.clear();
		for (let e of this.async_deriveds.values()) e.reject(at);
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
		this.#u || (this.#u = !0, N(() => {
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
		if (I === null) {
			let t = I = new e();
			!vt && !_t && N(() => {
				t.started || t.flush();
			});
		}
		return I;
	}
	apply() {
		ht = null;
	}
	schedule(e) {
		gt = e, e.b?.is_pending && e.f & 16777228 && !(e.f & 32768) ? e.b.defer_effect(e) : this.#a.push(e);
	}
	#b() {
		if (this.linked) {
			var e = this.prev, t = this.next;
			e === null || (e.next = t), t === null ? pt = e : t.prev = e, this.linked = !1;
		}
	}
};
function wt(e) {
	var t = _t, n = mt;
	mt = null, _t = !0;
	try {
		var r;
		for (e && (wt(), r = e());;) {
			if (Ke(), I === null) return r;
			I.flush();
		}
	} finally {
		_t = t, mt = n;
	}
}
function Tt() {
	try {
		Ne();
	} catch (e) {
		on(e, gt);
	}
}
var Et = null;
function Dt(e) {
	var t = e.length;
	if (t !== 0) {
		for (var n = 0; n < t;) {
			var r = e[n++];
			if (!(r.f & 24576) && Jn(r) && (Et = /* @__PURE__ */ new Set(), er(r), r.deps === null && r.first === null && r.nodes === null && r.teardown === null && r.ac === null && Tn(r), Et?.size > 0)) {
				Mt.clear();
				for (let e of Et) {
					if (e.f & 24576) continue;
					let t = [e], n = e.parent;
					for (; n !== null;) Et.has(n) && (Et.delete(n), t.push(n)), n = n.parent;
					for (let e = t.length - 1; e >= 0; e--) {
						let n = t[e];
						n.f & 24576 || er(n);
					}
				}
				Et.clear();
			}
		}
		Et = null;
	}
}
function Ot(e) {
	I.schedule(e);
}
function kt(e, t) {
	if (!(e.f & 32 && e.f & 1024)) {
		e.f & 2048 ? t.d.push(e) : e.f & 4096 && t.m.push(e), P(e, h);
		for (var n = e.first; n !== null;) kt(n, t), n = n.next;
	}
}
function At(e) {
	P(e, h);
	for (var t = e.first; t !== null;) At(t), t = t.next;
}
// node_modules/svelte/src/internal/client/reactivity/sources.js
var jt = /* @__PURE__ */ new Set(), Mt = /* @__PURE__ */ new Map(), Nt = !1;
function Pt(e, t) {
	return {
		f: 0,
		v: e,
		reactions: null,
		equals: we,
		rv: 0,
		wv: 0
	};
}
/*#__NO_SIDE_EFFECTS__*/
function L(e, t) {
	let n = Pt(e, t);
	return Rn(n), n;
}
/*#__NO_SIDE_EFFECTS__*/
function Ft(e, t = !1, n = !0) {
	let r = Pt(e);
	return t || (r.equals = Ee), r;
}
function R(e, t, n = !1) {
	return U !== null && (!Pn || U.f & 131072) && Ue() && U.f & 4325394 && (Ln === null || !Ln.has(e)) && Le(), Rt(e, n ? Ht(t) : t, bt);
}
var It = null, Lt = 0;
function Rt(e, t, n = null) {
	if (!e.equals(t)) {
		Mn ? Mt.set(e, t) : Mt.has(e) || Mt.set(e, e.v);
		var r = Ct.ensure();
		if (r.capture(e, t), e.f & 2) {
			let t = e;
			e.f & 2048 && lt(t), ht === null && Je(t);
		}
		e.wv = qn(), It = null, Lt = 0, Vt(e, g, n), It = null, Ue() && W !== null && W.f & 1024 && !(W.f & 96) && (Vn === null ? Hn([e]) : Vn.push(e)), !r.is_fork && jt.size > 0 && !Nt && zt();
	}
	return t;
}
function zt() {
	Nt = !1;
	for (let e of jt) {
		e.f & 1024 && P(e, _);
		let t;
		try {
			t = Jn(e);
		} catch {
			t = !0;
		}
		t && er(e);
	}
	jt.clear();
}
function Bt(e) {
	R(e, e.v + 1);
}
function Vt(e, t, n) {
	var r = e.reactions;
	if (r !== null) {
		var i = Ue(), a = r.length;
		if (Lt += a, Lt > 1e5 && It === null && (It = /* @__PURE__ */ new Set()), It !== null) {
			if (It.has(e)) return;
			It.add(e);
		}
		for (var o = 0; o < a; o++) {
			var s = r[o], c = s.f;
			if (i || s !== W) {
				var l = (c & g) === 0;
				if (l && P(s, t), c & 131072) jt.add(s);
				else if (c & 2) {
					var u = s;
					ht?.delete(u), Vt(u, _, n);
				} else if (l) {
					var d = s;
					c & 16 && Et !== null && Et.add(d), n === null ? Ot(d) : n.push(d);
				}
			}
		}
	}
}
function Ht(t) {
	if (typeof t != "object" || !t || re in t || ie in t) return t;
	let n = l(t);
	if (n !== s && n !== c) return t;
	var r = /* @__PURE__ */ new Map(), i = e(t), o = /* @__PURE__ */ L(0), u = null, d = Gn, f = (e) => {
		if (Gn === d) return e();
		var t = U, n = Gn;
		Fn(null), Kn(d);
		var r = e();
		return Fn(t), Kn(n), r;
	};
	return i && r.set("length", /* @__PURE__ */ L(t.length, u)), new Proxy(t, {
		defineProperty(e, t, n) {
			"value" in n && n.configurable !== !1 && n.enumerable !== !1 && n.writable !== !1 || Fe();
			var i = r.get(t);
			return i === void 0 ? f(() => {
				var e = /* @__PURE__ */ L(n.value, u);
				return r.set(t, e), e;
			}) : R(i, n.value, !0), !0;
		},
		deleteProperty(e, t) {
			var n = r.get(t);
			if (n === void 0) {
				if (t in e) {
					let e = f(() => /* @__PURE__ */ L(D, u));
					r.set(t, e), Bt(o);
				}
			} else R(n, D), Bt(o);
			return !0;
		},
		get(e, n, i) {
			if (n === re) return t;
			var o = r.get(n), s = n in e;
			if (o === void 0 && (!s || a(e, n)?.writable) && (o = f(() => /* @__PURE__ */ L(Ht(s ? e[n] : D), u)), r.set(n, o)), o !== void 0) {
				var c = G(o);
				return c === D ? void 0 : c;
			}
			return Reflect.get(e, n, i);
		},
		getOwnPropertyDescriptor(e, t) {
			this.has?.(e, t);
			var n = Reflect.getOwnPropertyDescriptor(e, t), i = r.get(t);
			if (i !== void 0) {
				var a = G(i);
				if (a === D) return;
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
			if (t === re) return !0;
			var n = r.get(t), i = n !== void 0 && n.v !== D || Reflect.has(e, t);
			return (n !== void 0 || (W !== null || U !== null) && (!i || a(e, t)?.writable)) && (n === void 0 && (n = f(() => /* @__PURE__ */ L(i ? Ht(e[t]) : D, u)), r.set(t, n)), G(n) === D) ? !1 : i;
		},
		set(e, t, n, s) {
			var c = r.get(t), l = t in e;
			if (i && t === "length") for (var d = n; d < c.v; d += 1) {
				var p = r.get(d + "");
				p === void 0 ? d in e && (p = f(() => /* @__PURE__ */ L(D, u)), r.set(d + "", p)) : R(p, D);
			}
			if (c === void 0) (!l || a(e, t)?.writable) && (c = f(() => /* @__PURE__ */ L(void 0, u)), R(c, Ht(n)), r.set(t, c));
			else {
				l = c.v !== D;
				var m = f(() => Ht(n));
				R(c, m);
			}
			var h = Reflect.getOwnPropertyDescriptor(e, t);
			if (h?.set && h.set.call(s, n), !l) {
				if (i && typeof t == "string") {
					var g = r.get("length"), _ = Number(t);
					Number.isInteger(_) && _ >= g.v && R(g, _ + 1);
				}
				Bt(o);
			}
			return !0;
		},
		ownKeys(e) {
			G(o);
			var t = Reflect.ownKeys(e).filter((e) => {
				var t = r.get(e);
				return t === void 0 || t.v !== D;
			});
			for (var [n, i] of r) i.v !== D && !(n in e) && t.push(n);
			return t;
		},
		setPrototypeOf() {
			Ie();
		}
	});
}
function Ut(e) {
	try {
		if (typeof e == "object" && e && re in e) return e[re];
	} catch {}
	return e;
}
function Wt(e, t) {
	return Object.is(Ut(e), Ut(t));
}
var Gt, Kt, qt, Jt;
function Yt() {
	if (Gt === void 0) {
		Gt = window, Kt = /Firefox/.test(navigator.userAgent);
		var e = Element.prototype, t = Node.prototype, n = Text.prototype;
		qt = a(t, "firstChild").get, Jt = a(t, "nextSibling").get, u(e) && (e[se] = void 0, e[E] = null, e[ce] = void 0, e.__e = void 0), u(n) && (n[le] = void 0);
	}
}
function Xt(e = "") {
	return document.createTextNode(e);
}
/*@__NO_SIDE_EFFECTS__*/
function Zt(e) {
	return qt.call(e);
}
/*@__NO_SIDE_EFFECTS__*/
function Qt(e) {
	return Jt.call(e);
}
function z(e, t) {
	if (!O) return /* @__PURE__ */ Zt(e);
	var n = /* @__PURE__ */ Zt(k);
	if (n === null) n = k.appendChild(Xt());
	else if (t && n.nodeType !== 3) {
		var r = Xt();
		return n?.before(r), A(r), r;
	}
	return t && rn(n), A(n), n;
}
function $t(e, t = !1) {
	if (!O) {
		var n = /* @__PURE__ */ Zt(e);
		return n instanceof Comment && n.data === "" ? /* @__PURE__ */ Qt(n) : n;
	}
	if (t) {
		if (k?.nodeType !== 3) {
			var r = Xt();
			return k?.before(r), A(r), r;
		}
		rn(k);
	}
	return k;
}
function B(e, t = !1) {
	if (!O) return /* @__PURE__ */ Zt(e);
	var n = z(e, t);
	return j(e), n;
}
function V(e, t = 1, n = !1) {
	let r = O ? k : e;
	for (var i; t--;) i = r, r = /* @__PURE__ */ Qt(r);
	if (!O) return r;
	if (n) {
		if (r?.nodeType !== 3) {
			var a = Xt();
			return r === null ? i?.after(a) : r.before(a), A(a), a;
		}
		rn(r);
	}
	return A(r), r;
}
function en(e) {
	e.textContent = "";
}
function tn() {
	return !1;
}
function nn(e, t, n) {
	return t == null || t === "http://www.w3.org/1999/xhtml" ? n ? document.createElement(e, { is: n }) : document.createElement(e) : n ? document.createElementNS(t, e, { is: n }) : document.createElementNS(t, e);
}
function rn(e) {
	if (e.nodeValue.length < 65536) return;
	let t = e.nextSibling;
	for (; t !== null && t.nodeType === 3;) t.remove(), e.nodeValue += t.nodeValue, t = e.nextSibling;
}
function an(e) {
	var t = W;
	if (t === null) return U.f |= ne, e;
	if (!(t.f & 32768) && !(t.f & 4)) throw e;
	on(e, t);
}
function on(e, t) {
	if (e === pe) throw e;
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
function sn(e) {
	W === null && (U === null && Me(e), je()), Mn && Ae(e);
}
function cn(e, t) {
	var n = t.last;
	n === null ? t.last = t.first = e : (n.next = e, e.prev = n, t.last = e);
}
function ln(e, t) {
	var n = W;
	n !== null && n.f & 8192 && (e |= v);
	var r = {
		ctx: M,
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
	I?.register_created_effect(r);
	var i = r;
	if (e & 4) yt === null ? Ct.ensure().schedule(r) : yt.push(r);
	else if (t !== null) {
		try {
			er(r);
		} catch (e) {
			throw Cn(r), e;
		}
		i.deps === null && i.teardown === null && i.nodes === null && i.first === i.last && !(i.f & 524288) && (i = i.first, e & 16 && e & 65536 && i !== null && (i.f |= S));
	}
	if (i !== null && (i.parent = n, n !== null && cn(i, n), U !== null && U.f & 2 && !(e & 64))) {
		var a = U;
		(a.effects ??= []).push(i);
	}
	return r;
}
function un() {
	return U !== null && !Pn;
}
function dn(e) {
	let t = ln(8, null);
	return P(t, h), t.teardown = e, t;
}
function fn(e) {
	sn("$effect");
	var t = W.f;
	if (!U && t & 32 && M !== null && !M.i) {
		var n = M;
		(n.e ??= []).push(e);
	} else return pn(e);
}
function pn(e) {
	return ln(4 | w, e);
}
function mn(e) {
	Ct.ensure();
	let t = ln(64 | C, e);
	return (e = {}) => new Promise((n) => {
		e.outro ? En(t, () => {
			Cn(t), n(void 0);
		}) : (Cn(t), n(void 0));
	});
}
function hn(e) {
	return ln(4, e);
}
function gn(e) {
	return ln(te | C, e);
}
function _n(e, t = 0) {
	return ln(8 | t, e);
}
function H(e, t = [], n = [], r = []) {
	et(r, t, n, (t) => {
		ln(8, () => {
			e(...t.map(G));
		});
	});
}
function vn(e, t = 0) {
	return ln(16 | t, e);
}
function yn(e) {
	return ln(32 | C, e);
}
function bn(e) {
	var t = e.teardown;
	if (t !== null) {
		let n = Mn, r = U;
		Nn(!0), Fn(null);
		try {
			t.call(null);
		} catch (t) {
			on(t, e.parent);
		} finally {
			Nn(n), Fn(r);
		}
	}
}
function xn(e, t = !1) {
	var n = e.first;
	for (e.first = e.last = null; n !== null;) {
		let e = n.ac;
		e !== null && Qe(() => {
			e.abort(de);
		});
		var r = n.next;
		n.f & 64 ? n.parent = null : Cn(n, t), n = r;
	}
}
function Sn(e) {
	for (var t = e.first; t !== null;) {
		var n = t.next;
		t.f & 32 || Cn(t), t = n;
	}
}
function Cn(e, t = !0) {
	var n = !1;
	(t || e.f & 262144) && e.nodes !== null && e.nodes.end !== null && (wn(e.nodes.start, e.nodes.end), n = !0), e.f |= x, xn(e, t && !n), $n(e, 0);
	var r = e.nodes && e.nodes.t;
	if (r !== null) for (let e of r) e.stop();
	bn(e), e.f ^= x, e.f |= y;
	var i = e.parent;
	i !== null && i.first !== null && Tn(e), e.next = e.prev = e.teardown = e.ctx = e.deps = e.fn = e.nodes = e.ac = e.b = null;
}
function wn(e, t) {
	for (; e !== null;) {
		var n = e === t ? null : /* @__PURE__ */ Qt(e);
		e.remove(), e = n;
	}
}
function Tn(e) {
	var t = e.parent, n = e.prev, r = e.next;
	n !== null && (n.next = r), r !== null && (r.prev = n), t !== null && (t.first === e && (t.first = r), t.last === e && (t.last = n));
}
function En(e, t, n = !0) {
	var r = [];
	e.f |= 256, Dn(e, r, !0);
	var i = () => {
		n && Cn(e), t && t();
	}, a = r.length;
	if (a > 0) {
		var o = () => --a || i();
		for (var s of r) s.out(o);
	} else i();
}
function Dn(e, t, n) {
	if (!(e.f & 8192)) {
		e.f ^= v;
		var r = e.nodes && e.nodes.t;
		if (r !== null) for (let e of r) (e.is_global || n) && t.push(e);
		for (var i = e.first; i !== null;) {
			var a = i.next;
			if (!(i.f & 64)) {
				var o = !!(i.f & 65536) || !!(i.f & 32) && !!(e.f & 16);
				Dn(i, t, o ? n : !1);
			}
			i = a;
		}
	}
}
function On(e) {
	e.f &= -257, kn(e, !0);
}
function kn(e, t) {
	if (!(e.f & 256) && e.f & 8192) {
		e.f ^= v, e.f & 1024 || (P(e, g), Ct.ensure().schedule(e));
		for (var n = e.first; n !== null;) {
			var r = n.next, i = !!(n.f & 65536) || !!(n.f & 32);
			kn(n, i ? t : !1), n = r;
		}
		var a = e.nodes && e.nodes.t;
		if (a !== null) for (let e of a) (e.is_global || t) && e.in();
	}
}
function An(e, t) {
	if (e.nodes) for (var n = e.nodes.start, r = e.nodes.end; n !== null;) {
		var i = n === r ? null : /* @__PURE__ */ Qt(n);
		t.append(n), n = i;
	}
}
// node_modules/svelte/src/internal/client/legacy.js
var jn = null, Mn = !1;
function Nn(e) {
	Mn = e;
}
var U = null, Pn = !1;
function Fn(e) {
	U = e;
}
var W = null;
function In(e) {
	W = e;
}
var Ln = null;
function Rn(e) {
	U !== null && (U.f & 2097152 || U.f & 2) && (Ln ??= /* @__PURE__ */ new Set()).add(e);
}
var zn = null, Bn = 0, Vn = null;
function Hn(e) {
	Vn = e;
}
var Un = 1, Wn = 0, Gn = Wn;
function Kn(e) {
	Gn = e;
}
function qn() {
	return ++Un;
}
function Jn(e) {
	var t = e.f;
	if (t & 2048) return !0;
	if (t & 4096) {
		for (var n = e.deps, r = n.length, i = 0; i < r; i++) {
			var a = n[i];
			if (Jn(a) && ut(a), a.wv > e.wv) return !0;
		}
		t & 512 && ht === null && P(e, h);
	}
	return !1;
}
function Yn(e, t, n = !0) {
	var r = e.reactions;
	if (r !== null && !(Ln !== null && Ln.has(e))) for (var i = 0; i < r.length; i++) {
		var a = r[i];
		a.f & 2 ? Yn(a, t, !1) : t === a && (n ? P(a, g) : a.f & 1024 && P(a, _), Ot(a));
	}
}
function Xn(e) {
	var t = zn, n = Bn, r = Vn, i = U, a = Ln, o = M, s = Pn, c = Gn, l = e.f;
	zn = null, Bn = 0, Vn = null, U = l & 96 ? null : e, Ln = null, ze(e.ctx), Pn = !1, Gn = ++Wn, e.ac !== null && (Qe(() => {
		e.ac.abort(de);
	}), e.ac = null);
	try {
		e.f |= ee;
		var u = e.fn, d = u();
		e.f |= b;
		var f = Zn(e);
		if (Ue() && Vn !== null && !Pn && f !== null && !(e.f & 6146)) for (var p = 0; p < Vn.length; p++) Yn(Vn[p], e);
		if (i !== null && i !== e) {
			if (Wn++, i.deps !== null) for (let e = 0; e < n; e += 1) i.deps[e].rv = Wn;
			if (t !== null) for (let e of t) e.rv = Wn;
			Vn !== null && (r === null ? r = Vn : r.push(...Vn));
		}
		return e.f & 8388608 && (e.f ^= ne), d;
	} catch (t) {
		return Zn(e), an(t);
	} finally {
		e.f ^= ee, zn = t, Bn = n, Vn = r, U = i, Ln = a, ze(o), Pn = s, Gn = c;
	}
}
function Zn(e) {
	var t = e.deps, n = I?.is_fork;
	if (zn !== null) {
		var r;
		if (n || $n(e, Bn), t !== null && Bn > 0) for (t.length = Bn + zn.length, r = 0; r < zn.length; r++) t[Bn + r] = zn[r];
		else e.deps = t = zn;
		if (un() && e.f & 512) for (r = Bn; r < t.length; r++) (t[r].reactions ??= []).push(e);
	} else !n && t !== null && Bn < t.length && ($n(e, Bn), t.length = Bn);
	return t;
}
function Qn(e, r) {
	let i = r.reactions;
	if (i !== null) {
		var a = t.call(i, e);
		if (a !== -1) {
			var o = i.length - 1;
			o === 0 ? i = r.reactions = null : (i[a] = i[o], i.pop());
		}
	}
	if (i === null && r.f & 2 && (zn === null || !n.call(zn, r))) {
		var s = r;
		s.f & 512 && (s.f ^= 512), s.v !== D && Je(s), s.ac !== null && Qe(() => {
			s.ac.abort(de), s.ac = null, P(s, g);
		}), dt(s), $n(s, 0);
	}
}
function $n(e, t) {
	var n = e.deps;
	if (n !== null) for (var r = t; r < n.length; r++) Qn(e, n[r]);
}
function er(e) {
	var t = e.f;
	if (!(t & 16384)) {
		P(e, h);
		var n = W;
		W = e;
		try {
			t & 16777232 ? Sn(e) : xn(e), bn(e);
			var r = Xn(e);
			e.teardown = typeof r == "function" ? r : null, e.wv = Un;
		} finally {
			W = n;
		}
	}
}
async function tr() {
	await Promise.resolve(), wt();
}
function G(e) {
	var t = !!(e.f & 2);
	if (jn?.add(e), U !== null && !Pn && !(W !== null && W.f & 16384) && (Ln === null || !Ln.has(e))) {
		var r = U.deps;
		if (U.f & 2097152) e.rv < Wn && (e.rv = Wn, zn === null && r !== null && r[Bn] === e ? Bn++ : zn === null ? zn = [e] : zn.push(e));
		else {
			U.deps ??= [], n.call(U.deps, e) || U.deps.push(e);
			var i = e.reactions;
			i === null ? e.reactions = [U] : n.call(i, U) || i.push(U);
		}
	}
	if (Mn && Mt.has(e)) return Mt.get(e);
	if (t) {
		var a = e;
		if (Mn) {
			var o = a.v;
			return (!(a.f & 1024) && a.reactions !== null || rr(a)) && (o = lt(a)), Mt.set(a, o), o;
		}
		var s = !(a.f & 512) && !Pn && U !== null && !!(U.f & 512), c = (a.f & b) === 0;
		Jn(a) && (s && (a.f |= 512), ut(a)), s && !c && (ft(a), nr(a));
	}
	if (ht?.has(e)) return ht.get(e);
	if (e.f & 8388608) throw e.v;
	return e.v;
}
function nr(e) {
	if (e.f |= 512, e.deps !== null) for (let r of e.deps) {
		var t = r.reactions;
		t === null ? r.reactions = [e] : n.call(t, e) || t.push(e), r.f & 2 && !(r.f & 512) && (ft(r), nr(r));
	}
}
function rr(e) {
	if (e.v === D) return !0;
	if (e.deps === null) return !1;
	for (let t of e.deps) if (Mt.has(t) || t.f & 2 && rr(t)) return !0;
	return !1;
}
function ir(e) {
	var t = Pn;
	try {
		return Pn = !0, e();
	} finally {
		Pn = t;
	}
}
[.../* @__PURE__ */ "allowfullscreen.async.autofocus.autoplay.checked.controls.default.disabled.formnovalidate.indeterminate.inert.ismap.loop.multiple.muted.nomodule.novalidate.open.playsinline.readonly.required.reversed.seamless.selected.webkitdirectory.defer.disablepictureinpicture.disableremoteplayback".split(".")];
var ar = ["touchstart", "touchmove"];
function or(e) {
	return ar.includes(e);
}
// node_modules/svelte/src/internal/client/dev/css.js
var sr = Symbol("events"), cr = /* @__PURE__ */ new Set(), lr = /* @__PURE__ */ new Set();
function ur(e, t, n, r = {}) {
	function i(e) {
		if (r.capture || hr.call(t, e), !e.cancelBubble) return Qe(() => n?.call(this, e));
	}
	return e.startsWith("pointer") || e.startsWith("touch") || e === "wheel" ? (i.__removed = !1, N(() => {
		i.__removed || t.addEventListener(e, i, r);
	})) : t.addEventListener(e, i, r), i;
}
function dr(e, t, n, r, i) {
	var a = {
		capture: r,
		passive: i
	}, o = ur(e, t, n, a);
	(t === document.body || t === window || t === document || t instanceof HTMLMediaElement) && dn(() => {
		o.__removed = !0, t.removeEventListener(e, o, a);
	});
}
function K(e, t, n) {
	(t[sr] ??= {})[e] = n;
}
function fr(e) {
	for (var t = 0; t < e.length; t++) cr.add(e[t]);
	for (var n of lr) n(e);
}
var pr = null, mr = !1;
function hr(e) {
	var t = this, n = t.ownerDocument, r = e.type, a = e.composedPath?.() || [], o = a[0] || e.target;
	pr = e, mr || (mr = !0, setTimeout(() => {
		mr = !1, pr = null;
	}));
	var s = 0, c = pr === e && e[sr];
	if (c) {
		var l = a.indexOf(c);
		if (l !== -1 && (t === document || t === window)) {
			e[sr] = t;
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
		var d = U, f = W;
		Fn(null), In(null);
		try {
			for (var p, m = []; o !== null && o !== t;) {
				try {
					var h = o[sr]?.[r];
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
			e[sr] = t, delete e.currentTarget, Fn(d), In(f);
		}
	}
}
// node_modules/svelte/src/internal/client/dom/reconciler.js
var gr = globalThis?.window?.trustedTypes && /* @__PURE__ */ globalThis.window.trustedTypes.createPolicy("svelte-trusted-html", { createHTML: (e) => e });
function _r(e) {
	return gr?.createHTML(e) ?? e;
}
function vr(e) {
	var t = nn("template");
	return t.innerHTML = _r(e.replaceAll("<!>", "<!---->")), t.content;
}
// node_modules/svelte/src/internal/client/dom/template.js
function yr(e, t) {
	var n = W;
	n.nodes === null && (n.nodes = {
		start: e,
		end: t,
		a: null,
		t: null
	});
}
/*#__NO_SIDE_EFFECTS__*/
function q(e, t) {
	var n = !!(t & 1), r = !!(t & 2), i, a = !e.startsWith("<!>");
	return () => {
		if (O) return yr(k, null), k;
		i === void 0 && (i = vr(a ? e : "<!>" + e), n || (i = /* @__PURE__ */ Zt(i)));
		var t = r || Kt ? document.importNode(i, !0) : i.cloneNode(!0);
		if (n) {
			var o = /* @__PURE__ */ Zt(t), s = t.lastChild;
			yr(o, s);
		} else yr(t, t);
		return t;
	};
}
/*#__NO_SIDE_EFFECTS__*/
function br(e, t, n = "svg") {
	var r = !e.startsWith("<!>"), i = !!(t & 1), a = `<${n}>${r ? e : "<!>" + e}</${n}>`, o;
	return () => {
		if (O) return yr(k, null), k;
		if (!o) {
			var e = /* @__PURE__ */ Zt(vr(a));
			if (i) for (o = document.createDocumentFragment(); /* @__PURE__ */ Zt(e);) o.appendChild(/* @__PURE__ */ Zt(e));
			else o = /* @__PURE__ */ Zt(e);
		}
		var t = o.cloneNode(!0);
		if (i) {
			var n = /* @__PURE__ */ Zt(t), r = t.lastChild;
			yr(n, r);
		} else yr(t, t);
		return t;
	};
}
/*#__NO_SIDE_EFFECTS__*/
function xr(e, t) {
	return /* @__PURE__ */ br(e, t, "svg");
}
function Sr() {
	if (O) return yr(k, null), k;
	var e = document.createDocumentFragment(), t = document.createComment(""), n = Xt();
	return e.append(t, n), yr(t, n), e;
}
function J(e, t) {
	if (O) {
		var n = W;
		n.f & 32768 && n.nodes.end !== null || (n.nodes.end = k), be();
	} else e !== null && e.before(t);
}
// node_modules/svelte/src/reactivity/create-subscriber.js
function Cr(e) {
	let t = 0, n = Pt(0), r;
	return () => {
		un() && (G(n), _n(() => (t === 0 && (r = ir(() => e(() => Bt(n)))), t += 1, () => {
			N(() => {
				--t, t === 0 && (r?.(), r = void 0, Bt(n));
			});
		})));
	};
}
// node_modules/svelte/src/internal/client/dom/blocks/boundary.js
var wr = S | C;
function Tr(e, t, n, r) {
	new Er(e, t, n, r);
}
var Er = class {
	parent;
	is_pending = !1;
	transform_error;
	#e;
	#t = O ? k : null;
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
	#m = Cr(() => (this.#p = Pt(this.#l), () => {
		this.#p = null;
	}));
	constructor(e, t, n, r) {
		this.#e = e, this.#n = t, this.#r = (e) => {
			var t = W;
			t.b = this, t.f |= 128, n(e);
		}, this.parent = W.b, this.transform_error = r ?? this.parent?.transform_error ?? ((e) => e), this.#i = vn(() => {
			if (O) {
				let e = Ce(this.#t);
				be();
				let t = e === "[!";
				if (e.startsWith("[?")) {
					let t = JSON.parse(e.slice(2));
					this.#g(t);
				} else t ? this.#y() : this.#h();
			} else this.#b();
		}, wr), O && (this.#e = k);
	}
	#h() {
		try {
			this.#a = yn(() => this.#r(this.#e));
		} catch (e) {
			this.error(e);
		}
	}
	#g(e) {
		let t = this.#n.failed, { reset: n, invoke_onerror: r } = this.#_(e);
		N(r), t && (this.#s = yn(() => {
			t(this.#e, () => e, () => n);
		}));
	}
	#_(e) {
		var t = !1, n = !1;
		let r = () => {
			this.#v() || (t ? ve() : (t = !0, n && Re(), this.#s !== null && En(this.#s, () => {
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
					on(e, this.#i && this.#i.parent);
				}
			}
		};
	}
	#v() {
		return (this.#i.f & (y | x)) !== 0;
	}
	#y() {
		let e = this.#n.pending;
		e && (this.is_pending = !0, this.#o = yn(() => e(this.#e)), N(() => {
			if (!this.#v()) {
				var e = this.#c = document.createDocumentFragment(), t = Xt(), n = !1;
				e.append(t), this.#a = this.#S(() => {
					try {
						return yn(() => this.#r(t));
					} catch (e) {
						try {
							this.error(e), n = !0;
						} catch (e) {
							on(e, this.#i.parent);
						}
						return null;
					}
				}), this.#a === null ? (this.#c = null, n && this.#x(I)) : this.#u === 0 && (this.#e.before(e), this.#c = null, En(this.#o, () => {
					this.#o = null;
				}), this.#x(I));
			}
		}));
	}
	#b() {
		try {
			if (this.is_pending = this.has_pending_snippet(), this.#u = 0, this.#l = 0, this.#a = yn(() => {
				this.#r(this.#e);
			}), this.#u > 0) {
				var e = this.#c = document.createDocumentFragment();
				An(this.#a, e);
				let t = this.#n.pending;
				this.#o = yn(() => t(this.#e));
			} else this.#x(I);
		} catch (e) {
			this.error(e);
		}
	}
	#x(e) {
		this.is_pending = !1, e.transfer_reactions(this.#f);
	}
	defer_effect(e) {
		Ye(e, this.#f);
	}
	is_rendered() {
		return !this.is_pending && (!this.parent || this.parent.is_rendered());
	}
	has_pending_snippet() {
		return !!this.#n.pending;
	}
	#S(e) {
		var t = W, n = U, r = M;
		In(this.#i), Fn(this.#i), ze(this.#i.ctx);
		try {
			return Ct.ensure(), e();
		} finally {
			In(t), Fn(n), ze(r);
		}
	}
	#C(e, t) {
		this.has_pending_snippet() ? (this.#u += e, this.#u === 0 && (this.#x(t), this.#o && En(this.#o, () => {
			this.#o = null;
		}), this.#c &&= (this.#e.before(this.#c), null))) : this.parent && this.parent.#C(e, t);
	}
	update_pending_count(e, t) {
		this.#C(e, t), this.#l += e, !this.#p || this.#d || (this.#d = !0, N(() => {
			this.#d = !1, this.#p && Rt(this.#p, this.#l);
		}));
	}
	get_effect_pending() {
		return this.#m(), G(this.#p);
	}
	error(e) {
		if (e === pe || !this.#n.onerror && !this.#n.failed) throw e;
		I?.is_fork ? (this.#a && I.skip_effect(this.#a), this.#o && I.skip_effect(this.#o), this.#s && I.skip_effect(this.#s), I.oncommit(() => {
			this.#v() || this.#w(e);
		})) : this.#w(e);
	}
	#w(e) {
		this.#a &&= (Cn(this.#a), null), this.#o &&= (Cn(this.#o), null), this.#s &&= (Cn(this.#s), null), O && (A(this.#t), xe(), A(Se()));
		let t = this.#n.failed, n = (e) => {
			if (this.#v()) return;
			let { reset: n, invoke_onerror: r } = this.#_(e);
			r(), t && !this.#v() && (this.#s = this.#S(() => {
				try {
					return yn(() => {
						var r = W;
						r.b = this, r.f |= 128, t(this.#e, () => e, () => n);
					});
				} catch (e) {
					return on(e, this.#i.parent), null;
				}
			}));
		};
		N(() => {
			if (!this.#v()) {
				var t;
				try {
					t = this.transform_error(e);
				} catch (e) {
					on(e, this.#i && this.#i.parent);
					return;
				}
				typeof t == "object" && t && typeof t.then == "function" ? t.then(n, (e) => on(e, this.#i && this.#i.parent)) : n(t);
			}
		});
	}
};
function Y(e, t) {
	var n = t == null ? "" : typeof t == "object" ? `${t}` : t;
	n !== (e[le] ??= e.nodeValue) && (e[le] = n, e.nodeValue = `${n}`);
}
function Dr(e, t) {
	return kr(e, t);
}
var Or = /* @__PURE__ */ new Map();
function kr(e, { target: t, anchor: n, props: i = {}, events: a, context: o, intro: s = !0, transformError: c }) {
	Yt();
	var l = void 0, u = mn(() => {
		var s = n ?? t.appendChild(Xt());
		Tr(s, { pending: () => {} }, (t) => {
			Be({});
			var n = M;
			if (o && (n.c = o), a && (i.$$events = a), O && yr(t, null), l = e(t, i) || He(), O && (W.nodes.end = k, k === null || k.nodeType !== 8 || k.data !== "]")) throw ge(), pe;
			Ve();
		}, c);
		var u = /* @__PURE__ */ new Set(), d = (e) => {
			for (var n = 0; n < e.length; n++) {
				var r = e[n];
				if (!u.has(r)) {
					u.add(r);
					var i = or(r);
					for (let e of [t, document]) {
						var a = Or.get(e);
						a === void 0 && (a = /* @__PURE__ */ new Map(), Or.set(e, a));
						var o = a.get(r);
						o === void 0 ? (e.addEventListener(r, hr, { passive: i }), a.set(r, 1)) : a.set(r, o + 1);
					}
				}
			}
		};
		return d(r(cr)), lr.add(d), () => {
			for (var e of u) for (let n of [t, document]) {
				var r = Or.get(n), i = r.get(e);
				--i == 0 ? (n.removeEventListener(e, hr), r.delete(e), r.size === 0 && Or.delete(n)) : r.set(e, i);
			}
			lr.delete(d), s !== n && s.parentNode?.removeChild(s);
		};
	});
	return Ar.set(l, u), l;
}
var Ar = /* @__PURE__ */ new WeakMap(), jr = class {
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
			if (n) On(n), this.#r.delete(t);
			else {
				var r = this.#n.get(t);
				r && (On(r.effect), this.#t.set(t, r.effect), this.#n.delete(t), r.fragment.lastChild.remove(), this.anchor.before(r.fragment), n = r.effect);
			}
			for (let [t, n] of this.#e) {
				if (this.#e.delete(t), t === e) break;
				let r = this.#n.get(n);
				r && (Cn(r.effect), this.#n.delete(n));
			}
			for (let [e, r] of this.#t) {
				if (e === t || this.#r.has(e)) continue;
				let i = () => {
					if (Array.from(this.#e.values()).includes(e)) {
						var t = document.createDocumentFragment();
						An(r, t), t.append(Xt()), this.#n.set(e, {
							effect: r,
							fragment: t
						});
					} else Cn(r);
					this.#r.delete(e), this.#t.delete(e);
				};
				this.#i || !n ? (this.#r.add(e), En(r, i, !1)) : i();
			}
		}
	};
	#o = (e) => {
		this.#e.delete(e);
		let t = Array.from(this.#e.values());
		for (let [e, n] of this.#n) t.includes(e) || (Cn(n.effect), this.#n.delete(e));
	};
	ensure(e, t) {
		var n = I, r = tn();
		if (t && !this.#t.has(e) && !this.#n.has(e)) {
			if (r) {
				var i = document.createDocumentFragment(), a = Xt();
				i.append(a), this.#n.set(e, {
					effect: yn(() => t(a)),
					fragment: i
				});
			} else this.#t.set(e, yn(() => t(this.anchor)));
		}
		if (this.#e.set(n, e), r) {
			for (let [t, r] of this.#t) t === e ? n.unskip_effect(r) : n.skip_effect(r);
			for (let [t, r] of this.#n) t === e ? n.unskip_effect(r.effect) : n.skip_effect(r.effect);
			n.oncommit(this.#a), n.ondiscard(this.#o);
		} else O && (this.anchor = k), this.#a(n);
	}
};
// node_modules/svelte/src/internal/client/dom/blocks/if.js
function X(e, t, n = !1) {
	var r;
	O && (r = k, be());
	var i = new jr(e), a = n ? S : 0;
	function o(e, t) {
		if (O) {
			var n = Ce(r);
			if (e !== parseInt(n.substring(1))) {
				var a = Se();
				A(a), i.anchor = a, ye(!1), i.ensure(e, t), ye(!0);
				return;
			}
		}
		i.ensure(e, t);
	}
	vn(() => {
		var e = !1;
		t((t, n = 0) => {
			e = !0, o(n, t);
		}), e || o(-1, null);
	}, a);
}
// node_modules/svelte/src/internal/client/dom/blocks/each.js
function Z(e, t) {
	return t;
}
function Mr(e, t, n) {
	for (var i = [], a = t.length, o, s = t.length, c = 0; c < a; c++) {
		let n = t[c];
		En(n, () => {
			if (o) {
				if (o.pending.delete(n), o.done.add(n), o.pending.size === 0) {
					var t = e.outrogroups;
					Nr(e, r(o.done)), t.delete(o), t.size === 0 && (e.outrogroups = null);
				}
			} else --s;
		}, !1);
	}
	if (s === 0) {
		var l = i.length === 0 && n !== null && e.pending.size === 0;
		if (l) {
			var u = n, d = u.parentNode;
			en(d), d.append(u), e.items.clear();
		}
		Nr(e, t, !l);
	} else o = {
		pending: new Set(t),
		done: /* @__PURE__ */ new Set()
	}, (e.outrogroups ??= /* @__PURE__ */ new Set()).add(o);
}
function Nr(e, t, n = !0) {
	var r;
	if (e.pending.size > 0) {
		r = /* @__PURE__ */ new Set();
		for (let t of e.pending.values()) for (let n of t) r.add(e.items.get(n).e);
	}
	for (var i = 0; i < t.length; i++) {
		var a = t[i];
		r?.has(a) ? (a.f |= T, An(a, document.createDocumentFragment())) : Cn(t[i], n);
	}
}
var Pr;
function Q(t, n, i, a, o, s = null) {
	var c = t, l = /* @__PURE__ */ new Map();
	if (n & 4) {
		var u = t;
		c = O ? A(/* @__PURE__ */ Zt(u)) : u.appendChild(Xt());
	}
	O && be();
	var d = null, f = /* @__PURE__ */ st(() => {
		var t = i();
		return e(t) ? t : t == null ? [] : r(t);
	}), p = /* @__PURE__ */ new Map(), m = !0;
	function h(e) {
		if (!(_.effect.f & 16384)) {
			_.pending.delete(e);
			var t = G(f);
			_.fallback = d, Ir(_, t, c, n, a), d !== null && (t.length === 0 ? d.f & 33554432 ? (d.f ^= T, Rr(d, null, c)) : On(d) : En(d, () => {
				d = null;
			}));
		}
	}
	function g(e) {
		_.pending.delete(e);
	}
	var _ = {
		effect: vn(() => {
			var e = G(f), t = e.length;
			let r = !1;
			O && Ce(c) === "[!" != (t === 0) && (c = Se(), A(c), ye(!1), r = !0);
			for (var u = /* @__PURE__ */ new Set(), _ = I, v = tn(), y = 0; y < t; y += 1) {
				O && k.nodeType === 8 && k.data === "]" && (c = k, r = !0, ye(!1));
				var b = e[y], x = a(b, y), S = m ? null : l.get(x);
				S ? (S.v && Rt(S.v, b), S.i && Rt(S.i, y), v && _.unskip_effect(S.e)) : (S = Lr(l, m ? c : Pr ??= Xt(), b, x, y, o, n, i), m || (S.e.f |= T), l.set(x, S)), u.add(x);
			}
			if (t === 0 && s && !d && (m ? d = yn(() => s(c)) : (d = yn(() => s(Pr ??= Xt())), d.f |= T)), t > u.size && ke("", "", ""), O && t > 0 && A(Se()), !m) {
				if (p.set(_, u), v) {
					for (let [e, t] of l) u.has(e) || _.skip_effect(t.e);
					_.oncommit(h), _.ondiscard(g);
				} else h(_);
			}
			r && ye(!0), G(f);
		}),
		flags: n,
		items: l,
		pending: p,
		outrogroups: null,
		fallback: d
	};
	m = !1, O && (c = k);
}
function Fr(e) {
	for (; e !== null && !(e.f & 32);) e = e.next;
	return e;
}
function Ir(e, t, n, i, a) {
	var o = !!(i & 8), s = t.length, c = e.items, l = Fr(e.effect.first), u, d = null, f, p = [], m = [], h, g, _, v;
	if (o) for (v = 0; v < s; v += 1) h = t[v], g = a(h, v), _ = c.get(g).e, _.f & 33554432 || (_.nodes?.a?.measure(), (f ??= /* @__PURE__ */ new Set()).add(_));
	for (v = 0; v < s; v += 1) {
		if (h = t[v], g = a(h, v), _ = c.get(g).e, e.outrogroups !== null) for (let t of e.outrogroups) t.pending.delete(_), t.done.delete(_);
		if (_.f & 8192 && (On(_), o && (_.nodes?.a?.unfix(), (f ??= /* @__PURE__ */ new Set()).delete(_))), _.f & 33554432) {
			if (_.f ^= T, _ === l) Rr(_, null, n);
			else {
				var y = d ? d.next : l;
				_ === e.effect.last && (e.effect.last = _.prev), _.prev && (_.prev.next = _.next), _.next && (_.next.prev = _.prev), zr(e, d, _), zr(e, _, y), Rr(_, y, n), d = _, p = [], m = [], l = Fr(d.next);
				continue;
			}
		}
		if (_ !== l) {
			if (u !== void 0 && u.has(_)) {
				if (p.length < m.length) {
					var b = m[0], x;
					d = b.prev;
					var S = p[0], C = p[p.length - 1];
					for (x = 0; x < p.length; x += 1) Rr(p[x], b, n);
					for (x = 0; x < m.length; x += 1) u.delete(m[x]);
					zr(e, S.prev, C.next), zr(e, d, S), zr(e, C, b), l = b, d = C, --v, p = [], m = [];
				} else u.delete(_), Rr(_, l, n), zr(e, _.prev, _.next), zr(e, _, d === null ? e.effect.first : d.next), zr(e, d, _), d = _;
				continue;
			}
			for (p = [], m = []; l !== null && l !== _;) (u ??= /* @__PURE__ */ new Set()).add(l), m.push(l), l = Fr(l.next);
			if (l === null) continue;
		}
		_.f & 33554432 || p.push(_), d = _, l = Fr(_.next);
	}
	if (e.outrogroups !== null) {
		for (let t of e.outrogroups) t.pending.size === 0 && (Nr(e, r(t.done)), e.outrogroups?.delete(t));
		e.outrogroups.size === 0 && (e.outrogroups = null);
	}
	if (l !== null || u !== void 0) {
		var w = [];
		if (u !== void 0) for (_ of u) _.f & 8192 || w.push(_);
		for (; l !== null;) !(l.f & 8192) && l !== e.fallback && w.push(l), l = Fr(l.next);
		var ee = w.length;
		if (ee > 0) {
			var te = i & 4 && s === 0 ? n : null;
			if (o) {
				for (v = 0; v < ee; v += 1) w[v].nodes?.a?.measure();
				for (v = 0; v < ee; v += 1) w[v].nodes?.a?.fix();
			}
			Mr(e, w, te);
		}
	}
	o && N(() => {
		if (f !== void 0) for (_ of f) _.nodes?.a?.apply();
	});
}
function Lr(e, t, n, r, i, a, o, s) {
	var c = o & 1 ? o & 16 ? Pt(n) : /* @__PURE__ */ Ft(n, !1, !1) : null, l = o & 2 ? Pt(i) : null;
	return {
		v: c,
		i: l,
		e: yn(() => (a(t, c ?? n, l ?? i, s), () => {
			e.delete(r);
		}))
	};
}
function Rr(e, t, n) {
	if (e.nodes) for (var r = e.nodes.start, i = e.nodes.end, a = t && !(t.f & 33554432) ? t.nodes.start : n; r !== null;) {
		var o = /* @__PURE__ */ Qt(r);
		if (a.before(r), r === i) return;
		r = o;
	}
}
function zr(e, t, n) {
	t === null ? e.effect.first = n : t.next = n, n === null ? e.effect.last = t : n.prev = t;
}
// node_modules/svelte/src/internal/client/dom/css.js
function Br(e, t) {
	hn(() => {
		e = W?.parent?.nodes?.start ?? e;
		var n = e.getRootNode(), r = n.host ? n : n.head ?? n.ownerDocument.head;
		if (!r.querySelector("#" + t.hash)) {
			let e = nn("style");
			e.id = t.hash, e.textContent = t.code, r.appendChild(e);
		}
	});
}
// node_modules/svelte/src/internal/shared/attributes.js
var Vr = [..." 	\n\r\f\xA0\v﻿"];
function Hr(e, t, n) {
	var r = e == null ? "" : "" + e;
	if (t && (r = r ? r + " " + t : t), n) {
		for (var i of Object.keys(n)) if (n[i]) r = r ? r + " " + i : i;
		else if (r.length) for (var a = i.length, o = 0; (o = r.indexOf(i, o)) >= 0;) {
			var s = o + a;
			(o === 0 || Vr.includes(r[o - 1])) && (s === r.length || Vr.includes(r[s])) ? r = (o === 0 ? "" : r.substring(0, o)) + r.substring(s + 1) : o = s;
		}
	}
	return r === "" ? null : r;
}
function Ur(e, t = !1) {
	var n = t ? " !important;" : ";", r = "";
	for (var i of Object.keys(e)) {
		var a = e[i];
		a != null && a !== "" && (r += " " + i + ": " + a + n);
	}
	return r;
}
function Wr(e) {
	return e[0] !== "-" || e[1] !== "-" ? e.toLowerCase() : e;
}
function Gr(e, t) {
	if (t) {
		var n = "", r, i;
		if (Array.isArray(t) ? (r = t[0], i = t[1]) : r = t, e) {
			e = String(e).replaceAll(/\/\*.*?\*\//g, "").trim();
			var a = !1, o = 0, s = !1, c = [];
			r && c.push(...Object.keys(r).map(Wr)), i && c.push(...Object.keys(i).map(Wr));
			var l = 0, u = -1;
			let t = e.length;
			for (var d = 0; d < t; d++) {
				var f = e[d];
				if (s ? f === "/" && e[d - 1] === "*" && (s = !1) : a ? a === f && (a = !1) : f === "/" && e[d + 1] === "*" ? s = !0 : f === "\"" || f === "'" ? a = f : f === "(" ? o++ : f === ")" && o--, !s && a === !1 && o === 0) {
					if (f === ":" && u === -1) u = d;
					else if (f === ";" || d === t - 1) {
						if (u !== -1) {
							var p = Wr(e.substring(l, u).trim());
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
		return r && (n += Ur(r)), i && (n += Ur(i, !0)), n = n.trim(), n === "" ? null : n;
	}
	return e == null ? null : String(e);
}
// node_modules/svelte/src/internal/client/dom/elements/class.js
function Kr(e, t, n, r, i, a) {
	var o = e[se];
	if (O || o !== n || o === void 0) {
		var s = Hr(n, r, a);
		O && s === e.getAttribute("class") || (s == null ? e.removeAttribute("class") : t ? e.className = s : e.setAttribute("class", s)), e[se] = n;
	} else if (a && i !== a) for (var c in a) {
		var l = !!a[c];
		(i == null || l !== !!i[c]) && e.classList.toggle(c, l);
	}
	return a;
}
// node_modules/svelte/src/internal/client/dom/elements/style.js
function qr(e, t = {}, n, r) {
	for (var i in n) {
		var a = n[i];
		t[i] !== a && (n[i] == null ? e.style.removeProperty(i) : e.style.setProperty(i, a, r));
	}
}
function Jr(e, t, n, r) {
	var i = e[ce];
	if (O || i !== t) {
		var a = Gr(t, r);
		O && a === e.getAttribute("style") || (a == null ? e.removeAttribute("style") : e.style.cssText = a), e[ce] = t;
	} else r && (Array.isArray(r) ? (qr(e, n?.[0], r[0]), qr(e, n?.[1], r[1], "important")) : qr(e, n, r));
	return r;
}
// node_modules/svelte/src/internal/client/dom/elements/bindings/select.js
function Yr(e, t) {
	t ? e.hasAttribute("selected") || e.setAttribute("selected", "") : e.removeAttribute("selected");
}
function Xr(t, n) {
	var r = t.__defaultValue, i = t.multiple, a = i ? r ?? [] : null;
	if (!i || e(a)) {
		var o = t.selectedIndex, s = n && i ? new Set(t.selectedOptions) : null;
		for (var c of t.options) {
			var l = $r(c);
			Yr(c, i ? a.includes(l) : Wt(l, r));
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
function Zr(t, n, r = !1) {
	if (t.multiple) {
		if (n == null) return;
		if (!e(n)) return _e();
		for (var i of t.options) i.selected = n.includes($r(i));
	} else {
		for (i of t.options) if (Wt($r(i), n)) {
			i.selected = !0;
			return;
		}
		r && n === void 0 || (t.selectedIndex = -1);
	}
}
function Qr(e) {
	var t = new MutationObserver((t) => {
		t.every(ei) || ("__defaultValue" in e && Xr(e, !1), "__value" in e && Zr(e, e.__value));
	});
	t.observe(e, {
		childList: !0,
		subtree: !0,
		attributes: !0,
		attributeFilter: ["value"]
	}), dn(() => {
		t.disconnect();
	});
}
function $r(e) {
	return "__value" in e ? e.__value : e.value;
}
function ei(e) {
	if (e.target.closest("selectedcontent") !== null) return !0;
	if (e.type === "childList") {
		var t = [...e.addedNodes, ...e.removedNodes];
		return t.length > 0 && t.every((e) => e.nodeName === "SELECTEDCONTENT");
	}
	return !1;
}
// node_modules/svelte/src/internal/client/dom/elements/attributes.js
var ti = Symbol("is custom element"), ni = Symbol("is html"), ri = fe ? "link" : "LINK";
function ii(e) {
	if (O) {
		var t = !1, n = () => {
			if (!t) {
				if (t = !0, e.hasAttribute("value")) {
					var n = e.value;
					$(e, "value", null), e.value = n;
				}
				if (e.hasAttribute("checked")) {
					var r = e.checked;
					$(e, "checked", null), e.checked = r;
				}
			}
		};
		e[ue] = n, N(n), Ze();
	}
}
function ai(e, t) {
	var n = oi(e);
	n.checked !== (n.checked = t ?? void 0) && (e.checked = t);
}
function $(e, t, n, r) {
	var i = oi(e);
	if (!(O && (i[t] = e.getAttribute(t), t === "src" || t === "srcset" || t === "href" && e.nodeName === ri))) {
		var a = i[t];
		a !== (i[t] = n) && (t === "loading" && (e[oe] = n), n == null ? e.removeAttribute(t) : typeof n != "string" && ci(e).has(t) ? e[t] = n : (!O || typeof n != "number" && typeof n != "boolean" || a !== String(n)) && e.setAttribute(t, n));
	}
}
function oi(e) {
	return e[E] ??= {
		[ti]: e.nodeName.includes("-"),
		[ni]: e.namespaceURI === me
	};
}
var si = /* @__PURE__ */ new Map();
function ci(e) {
	var t = e.getAttribute("is") || e.nodeName, n = si.get(t);
	if (n) return n;
	si.set(t, n = /* @__PURE__ */ new Set());
	for (var r, i = e, a = Element.prototype; a !== i;) {
		for (var s in r = o(i), r) r[s].set && s !== "innerHTML" && s !== "textContent" && s !== "innerText" && n.add(s);
		i = l(i);
	}
	return n;
}
// node_modules/svelte/src/internal/client/dom/elements/bindings/input.js
function li(e, t, n = t) {
	var r = /* @__PURE__ */ new WeakSet();
	$e(e, "input", async (i) => {
		var a = i ? e.defaultValue : e.value;
		if (a = di(e) ? fi(a) : a, n(a), I !== null && r.add(I), await tr(), a !== (a = t())) {
			var o = e.selectionStart, s = e.selectionEnd, c = e.value.length;
			if (e.value = a ?? "", s !== null) {
				var l = e.value.length;
				o === s && s === c && l > c ? (e.selectionStart = l, e.selectionEnd = l) : (e.selectionStart = o, e.selectionEnd = Math.min(s, l));
			}
		}
	}), (O && e.defaultValue !== e.value || ir(t) == null && e.value) && (n(di(e) ? fi(e.value) : e.value), I !== null && r.add(I)), _n(() => {
		var n = t();
		if (e === document.activeElement) {
			var i = I;
			if (r.has(i)) return;
		}
		di(e) && n === fi(e.value) || (e.type !== "date" || n || e.value) && n !== e.value && (e.value = n ?? "");
	});
}
function ui(e, t, n = t) {
	$e(e, "change", (t) => {
		n(t ? e.defaultChecked : e.checked);
	}), (O && e.defaultChecked !== e.checked || ir(t) == null) && n(e.checked), _n(() => {
		e.checked = !!t();
	});
}
function di(e) {
	var t = e.type;
	return t === "number" || t === "range";
}
function fi(e) {
	return e === "" ? null : +e;
}
// node_modules/svelte/src/internal/client/dom/elements/bindings/this.js
function pi(e, t) {
	return e === t || e?.[re] === t;
}
function mi(e = He(), t, n, r) {
	var i = M.r, a = W;
	return hn(() => {
		var o, s;
		return _n(() => {
			o = s, s = r?.() || [], ir(() => {
				pi(n(...s), e) || (t(e, ...s), o && pi(n(...o), e) && t(null, ...o));
			});
		}), () => {
			let r = a;
			for (; r !== i && r.parent !== null && r.parent.f & 33554432;) r = r.parent;
			let o = () => {
				s && pi(n(...s), e) && t(null, ...s);
			}, c = r.teardown;
			r.teardown = () => {
				o(), c?.();
			};
		};
	}), e;
}
// node_modules/svelte/src/internal/client/reactivity/store.js
var hi = !1;
function gi(e) {
	var t = hi;
	try {
		return hi = !1, [e(), hi];
	} finally {
		hi = t;
	}
}
// node_modules/svelte/src/internal/client/reactivity/props.js
function _i(e, t, n, r) {
	var i = !0, o = !!(n & 8), s = !!(n & 16), c = r, l = !0, u = void 0, d = () => s && i ? (u ??= /* @__PURE__ */ it(r), G(u)) : (l && (l = !1, c = s ? ir(r) : r), c);
	let f;
	if (o) {
		var p = re in e || ae in e;
		f = a(e, t)?.set ?? (p && t in e ? (n) => e[t] = n : void 0);
	}
	var m, h = !1;
	o ? [m, h] = gi(() => e[t]) : m = e[t], m === void 0 && r !== void 0 && (m = d(), f && (i && Pe(t), f(m)));
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
	var v = !1, y = (n & 1 ? it : st)(() => (v = !1, g()));
	o && G(y);
	var b = W;
	return (function(e, t) {
		if (arguments.length > 0) {
			let n = t ? G(y) : i && o ? Ht(e) : e;
			return R(y, n), v = !0, c !== void 0 && (c = n), e;
		}
		return Mn && v || b.f & 16384 ? y.v : G(y);
	});
}
function vi(e) {
	M === null && De("onMount"), fn(() => {
		let t = ir(e);
		if (typeof t == "function") return t;
	});
}
// node_modules/svelte/src/internal/disclose-version.js
typeof window < "u" && ((window.__svelte ??= {}).v ??= /* @__PURE__ */ new Set()).add("5");
// src/render.ts
var yi = (() => {
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
yi.length;
function bi(e) {
	let t = [
		1,
		3,
		5
	].map((t) => parseInt(e.slice(t, t + 2), 16) / 255), n = Math.hypot(t[0], t[1], t[2]) || 1;
	return t.map((e) => e / n);
}
function xi(e, t) {
	return t === "pos" ? e > 0 ? e : 0 : t === "neg" ? e < 0 ? -e : 0 : Math.abs(e);
}
function Si(e, t, n, r, i) {
	let [, a, o, s] = t.shape, c = t.residual ? s - 1 : s, l = 4 / 127, u = n * a * o * s, d = a * o, f = new Float32Array(d), p = new Float32Array(d), m = new Float32Array(d);
	for (let n = 0; n < d; n++) {
		let a = u + n * s, o = 0, d = 0, h = 0;
		if (i !== "res") for (let n = 0; n < c; n++) {
			if (typeof i == "number" && i !== n) continue;
			let s = xi(e[a + n] * l, r);
			if (s === 0) continue;
			let c = t.colors[n];
			o += s * c[0], d += s * c[1], h += s * c[2];
		}
		if (t.residual && (i === "all" || i === "res")) {
			let t = xi(e[a + c] * l, r);
			o += t, d += t, h += t;
		}
		f[n] = o, p[n] = d, m[n] = h;
	}
	let h = new Float32Array(d), g = new Float32Array(d), _ = new Float32Array(d);
	for (let e = 0; e < a; e++) for (let t = 0; t < o; t++) {
		let n = e * o + t, r = f[n], i = p[n], s = m[n];
		if (r !== 0 || i !== 0 || s !== 0) for (let { dy: n, dx: c, w: l } of yi) {
			let u = e + n, d = t + c;
			if (u < 0 || u >= a || d < 0 || d >= o) continue;
			let f = u * o + d;
			h[f] += l * r, g[f] += l * i, _[f] += l * s;
		}
	}
	let v = new ImageData(o, a), y = v.data;
	for (let e = 0; e < d; e++) {
		let t = h[e], n = g[e], r = _[e], i = Math.min(1, Math.hypot(t, n, r)), a = i > 0 ? 1 / i : 0;
		y[4 * e] = Math.min(1, t * a) * 255, y[4 * e + 1] = Math.min(1, n * a) * 255, y[4 * e + 2] = Math.min(1, r * a) * 255, y[4 * e + 3] = i * 255;
	}
	return v;
}
function Ci(e) {
	let t = Math.max(...e), n = e.map((e) => Math.exp(e - t)), r = n.reduce((e, t) => e + t, 0);
	return n.map((e) => e / r);
}
var wi = {
	"RIGHT+UP": "↗",
	"LEFT+UP": "↖",
	"RIGHT+DOWN": "↘",
	"LEFT+DOWN": "↙",
	RIGHT: "→",
	LEFT: "←",
	UP: "↑",
	DOWN: "↓"
};
function Ti(e) {
	if (!e.length) return "no-op";
	let t = ["LEFT", "RIGHT"].filter((t) => e.includes(t)).concat(["UP", "DOWN"].filter((t) => e.includes(t))), n = [...t.filter((e) => e === "LEFT" || e === "RIGHT"), ...t.filter((e) => e === "UP" || e === "DOWN")].join("+"), r = e.filter((e) => ![
		"LEFT",
		"RIGHT",
		"UP",
		"DOWN"
	].includes(e)), i = [];
	return n && i.push(wi[n] ?? n), i.push(...r), i.join("+");
}
function Ei(e) {
	if (e === void 0 || !isFinite(e)) return "–";
	if (e === 0) return "0";
	let t = Math.floor(Math.log10(Math.abs(e)));
	return t >= -2 && t < 4 ? e.toPrecision(3).replace(/\.?0+$/, (e) => e.includes(".") ? "" : e) : `${(e / 10 ** t).toPrecision(3)}×10^${t}`;
}
// src/cells.ts
var Di = 1500, Oi = /* @__PURE__ */ new Map(), ki = !1;
function Ai(e) {
	let t = `${e.key}|${e.t}|${e.kind}|${e.mode}`, n = Oi.get(t);
	if (n) return Oi.delete(t), Oi.set(t, n), n;
	let r = Si(e.q, e.info, e.t, e.kind, e.mode);
	return n = document.createElement("canvas"), n.width = r.width, n.height = r.height, n.getContext("2d").putImageData(r, 0, 0), Oi.set(t, n), Oi.size > Di && Oi.delete(Oi.keys().next().value), n;
}
function ji(e, t) {
	let [n, r] = t.obsShape, i = e.getContext("2d");
	i.imageSmoothingEnabled = !1, i.globalAlpha = 1, i.filter = "none", i.fillStyle = "#000", i.fillRect(0, 0, r, n);
	let a = t.t % t.frameColumns * r, o = Math.floor(t.t / t.frameColumns) * n;
	if (t.kind === "obs") {
		i.drawImage(t.sprite, a, o, r, n, 0, 0, r, n);
		return;
	}
	if (t.overlay && (i.filter = "grayscale(1)", i.drawImage(t.sprite, a, o, r, n, 0, 0, r, n), i.filter = "none"), !t.q || !t.info) return;
	let s = Ai(t);
	i.globalAlpha = .9, i.drawImage(s, 0, 0, s.width, s.height, 0, 0, r, n), i.globalAlpha = 1, ki || (ki = !0, document.body.dataset.firstFrameMs = String(Math.round(performance.now())));
}
// src/AttrCell.svelte
var Mi = /* @__PURE__ */ q("<canvas class=\"cell svelte-1bdpcco\"></canvas>"), Ni = {
	hash: "svelte-1bdpcco",
	code: ".cell.svelte-1bdpcco {width:14em;height:14em;image-rendering:pixelated;background:#000;display:block;}"
};
function Pi(e, t) {
	Be(t, !0), Br(e, Ni);
	let n = /* @__PURE__ */ L(void 0);
	fn(() => {
		G(n) && t.spec && ji(G(n), t.spec);
	});
	var r = Mi();
	mi(r, (e) => R(n, e), () => G(n)), H(() => {
		$(r, "data-testid", t.testid), $(r, "width", t.spec ? t.spec.obsShape[1] : 64), $(r, "height", t.spec ? t.spec.obsShape[0] : 64);
	}), J(e, r), Ve();
}
// src/Graph.svelte
var Fi = /* @__PURE__ */ xr("<line y1=\"0\" y2=\"100\" stroke=\"#ccc\" stroke-width=\"1\" vector-effect=\"non-scaling-stroke\"></line>"), Ii = /* @__PURE__ */ xr("<polyline fill=\"none\" stroke-width=\"1.5\" vector-effect=\"non-scaling-stroke\"></polyline>"), Li = /* @__PURE__ */ q("<div class=\"graph svelte-gsm5hf\"><div class=\"label svelte-gsm5hf\"><span> </span> </div> <svg preserveAspectRatio=\"none\" class=\"svelte-gsm5hf\"><!><!><line y1=\"0\" y2=\"100\" stroke=\"rgba(0,0,0,0.4)\" stroke-width=\"2\" vector-effect=\"non-scaling-stroke\"></line></svg></div>"), Ri = {
	hash: "svelte-gsm5hf",
	code: ".graph.svelte-gsm5hf {position:relative;margin-top:0.3em;}.label.svelte-gsm5hf {font-size:0.85em;}svg.svelte-gsm5hf {width:100%;height:3em;display:block;background:#fafafa;}"
};
function zi(e, t) {
	Be(t, !0), Br(e, Ri);
	let n = /* @__PURE__ */ F(() => Math.min(...t.values)), r = /* @__PURE__ */ F(() => Math.max(...t.values)), i = (e) => (G(r) > G(n) ? 1 - (e - G(n)) / (G(r) - G(n)) : .5) * 90 + 5, a = /* @__PURE__ */ F(() => {
		let e = [], n = [];
		return t.values.forEach((r, a) => {
			n.push(`${a + .5},${i(r).toFixed(2)}`), (t.dones[a] || a === t.values.length - 1) && (e.push(n.join(" ")), n = []);
		}), e;
	}), o = /* @__PURE__ */ F(() => t.dones.map((e, t) => e ? t + 1 : -1).filter((e) => e > 0));
	var s = Li(), c = z(s), l = z(c);
	let u;
	var d = B(l, !0), f = V(l);
	j(c);
	var p = V(c, 2), m = z(p);
	Q(m, 17, () => G(o), Z, (e, t) => {
		var n = Fi();
		H(() => {
			$(n, "x1", G(t)), $(n, "x2", G(t));
		}), J(e, n);
	});
	var h = V(m);
	Q(h, 17, () => G(a), Z, (e, n) => {
		var r = Ii();
		H(() => {
			$(r, "points", G(n)), $(r, "stroke", t.color);
		}), J(e, r);
	});
	var g = V(h);
	j(p), j(s), H((e) => {
		$(s, "data-testid", t.testid), u = Jr(l, "", u, { color: t.color }), Y(d, t.title), Y(f, `: ${e ?? ""}`), $(p, "viewBox", `${t.frame + .5 - t.visible / 2} 0 ${t.visible ?? ""} 100`), $(g, "x1", t.frame + .5), $(g, "x2", t.frame + .5);
	}, [() => Ei(t.values[t.frame])]), J(e, s), Ve();
}
// src/LegendThumb.svelte
var Bi = /* @__PURE__ */ q("<span class=\"thumb svelte-gdfsym\"></span>"), Vi = {
	hash: "svelte-gdfsym",
	code: ".thumb.svelte-gdfsym {display:inline-block;width:4.5em;height:4.5em;image-rendering:pixelated;background-color:#888;background-repeat:no-repeat;}"
};
function Hi(e, t) {
	Be(t, !0), Br(e, Vi);
	let n = /* @__PURE__ */ L("");
	fn(() => {
		t.source.image("thumbnails", t.run, t.step, { layer: t.layer }).then((e) => R(n, e.src, !0)).catch(() => R(n, ""));
	});
	var r = Bi();
	let i;
	H(() => i = Jr(r, "", i, {
		"background-image": G(n) ? `url("${G(n)}")` : "none",
		"background-size": `${t.K * 100}% 100%`,
		"background-position": `${t.K > 1 ? t.k / (t.K - 1) * 100 : 0}% 0`
	})), J(e, r), Ve();
}
// src/TrajScrub.svelte
var Ui = /* @__PURE__ */ q("<img draggable=\"false\"/>"), Wi = /* @__PURE__ */ q("<span></span>"), Gi = {
	hash: "svelte-15x15u3",
	code: ".scrub.svelte-15x15u3 {height:1.6em;width:8em;image-rendering:pixelated;display:block;}.scrub.stretch.svelte-15x15u3 {width:100%;height:100%;}.placeholder.svelte-15x15u3 {background:#ddd;}"
};
function Ki(e, t) {
	Be(t, !0), Br(e, Gi);
	let n = _i(t, "stretch", 3, !1), r = /* @__PURE__ */ L("");
	fn(() => {
		t.source.image("scrub", t.run, t.step, { traj: t.traj }).then((e) => R(r, e.src, !0)).catch(() => R(r, ""));
	});
	var i = Sr(), a = $t(i), o = (e) => {
		var i = Ui();
		let a;
		H(() => {
			$(i, "src", G(r)), $(i, "alt", `trajectory ${t.traj + 1}`), a = Kr(i, 1, "scrub svelte-15x15u3", null, a, { stretch: n() });
		}), J(e, i);
	}, s = (e) => {
		var t = Wi();
		let r;
		H(() => r = Kr(t, 1, "scrub placeholder svelte-15x15u3", null, r, { stretch: n() })), J(e, t);
	};
	X(a, (e) => {
		G(r) ? e(o) : e(s, -1);
	}), J(e, i), Ve();
}
// src/ipc.ts
function qi(e) {
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
// src/urlstate.ts
var Ji = "p.rl_clarity.";
function Yi(e) {
	let t = {};
	for (let [n, r] of e) n === "run" ? t.run = r : n === "step" && /^\d+$/.test(r) ? t.step = Number(r) : n === "layer" ? t.layer = r : n === "traj" && /^\d+$/.test(r) ? t.traj = Number(r) - 1 : n === "frame" && /^\d+$/.test(r) ? t.frame = Number(r) - 1 : n === "rows" ? t.rows = r.split(",").filter(Boolean) : (n === "abs" || n === "overlay" || n === "residual") && (t[n] = r === "1");
	return t;
}
function Xi() {
	try {
		return window.parent === window ? "" : window.parent.location.hash;
	} catch {
		return "";
	}
}
function Zi() {
	let e = new URLSearchParams(location.hash.slice(1));
	return [...e.keys()].length ? Yi([...e.entries()]) : Yi([...new URLSearchParams(Xi().slice(1).replace(/^[^&=]*&?/, "")).entries()].filter(([e]) => e.startsWith(Ji)).map(([e, t]) => [e.slice(13), t]));
}
function Qi(e) {
	return [
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
}
var $i = !0;
function ea() {
	$i = !1;
}
var ta = null, na = null;
function ra(e) {
	na = {
		...e,
		rows: [...e.rows]
	}, ta ||= setTimeout(() => {
		ta = null;
		let e = Qi(na);
		try {
			history.replaceState(null, "", "#" + new URLSearchParams(e).toString());
		} catch {}
		try {
			if ($i && window.parent !== window) {
				let t = window.parent.location, n = t.hash.slice(1).split("&")[0] || "rl_clarity", r = new URLSearchParams(t.hash.slice(1).split("&").slice(1).join("&"));
				for (let e of [...r.keys()]) e.startsWith(Ji) && r.delete(e);
				for (let [t, n] of e) r.set(Ji + t, n);
				window.parent.history.replaceState(window.parent.history.state, "", `#${n}&${r.toString()}`);
			}
		} catch {}
	}, 300);
}
// src/App.svelte
var ia = /* @__PURE__ */ q("<div class=\"error svelte-1n46o8q\" data-testid=\"error\"> </div>"), aa = /* @__PURE__ */ q("<li><b> </b> </li>"), oa = /* @__PURE__ */ q("<details class=\"problems svelte-1n46o8q\" data-testid=\"problems\"><summary> </summary> <ul></ul></details>"), sa = /* @__PURE__ */ q("<option> </option>"), ca = /* @__PURE__ */ q("<span class=\"meta svelte-1n46o8q\"> </span>"), la = /* @__PURE__ */ q("<label><input type=\"radio\" name=\"traj\" class=\"svelte-1n46o8q\"/> <!><span></span></label>"), ua = /* @__PURE__ */ q("<li><button class=\"link svelte-1n46o8q\"> </button></li>"), da = /* @__PURE__ */ q("<label class=\"layer svelte-1n46o8q\"><input type=\"radio\" name=\"layer\"/> <span class=\"small svelte-1n46o8q\"> </span></label>"), fa = /* @__PURE__ */ q("last reward: <b> </b>", 1), pa = /* @__PURE__ */ q("<b>new episode</b>"), ma = /* @__PURE__ */ q("<div class=\"seg svelte-1n46o8q\"> </div>"), ha = /* @__PURE__ */ q("<table class=\"display svelte-1n46o8q\"><tbody><tr><td class=\"svelte-1n46o8q\"><!></td><td class=\"svelte-1n46o8q\"><!></td><td data-testid=\"frame-label\" class=\"svelte-1n46o8q\">frame: <b> </b></td><td class=\"svelte-1n46o8q\">policy:</td><td class=\"svelte-1n46o8q\">next action: <b> </b></td></tr></tbody></table> <div class=\"policy svelte-1n46o8q\" data-testid=\"policy\"></div>", 1), ga = /* @__PURE__ */ q("<button data-testid=\"pause\">&#10074;&#10074;</button>"), _a = /* @__PURE__ */ q("<button data-testid=\"play-back\" title=\"play backwards\">&#9664;</button>"), va = /* @__PURE__ */ q("<button data-testid=\"play\" title=\"play\">&#9654;</button>"), ya = /* @__PURE__ */ q("<!> <!>", 1), ba = /* @__PURE__ */ q("<label class=\"svelte-1n46o8q\"><input type=\"checkbox\" data-testid=\"toggle-residual\"/> show residual feature</label>"), xa = /* @__PURE__ */ q("<th class=\"svelte-1n46o8q\"> </th>"), Sa = /* @__PURE__ */ q("<th class=\"svelte-1n46o8q\"> </th><th class=\"svelte-1n46o8q\"> </th>", 1), Ca = /* @__PURE__ */ q("<button>remove row</button>"), wa = /* @__PURE__ */ q("<div class=\"small svelte-1n46o8q\" data-testid=\"completeness\" title=\"|sum of attribution - (F(a) - F(0))| / |F(a) - F(0)| at this frame\"> </div>"), Ta = /* @__PURE__ */ q("<div></div>"), Ea = /* @__PURE__ */ q("<div class=\"chart svelte-1n46o8q\"><div class=\"zero svelte-1n46o8q\"></div> <!></div>"), Da = /* @__PURE__ */ q("<td class=\"svelte-1n46o8q\"><!></td>"), Oa = /* @__PURE__ */ q("<tr><td class=\"selector svelte-1n46o8q\"><select class=\"svelte-1n46o8q\"><option>value function</option><optgroup label=\"policy logits:\"></optgroup><optgroup label=\"sums of policy logits:\"></optgroup></select> <!> <!></td><td class=\"svelte-1n46o8q\"><!> <!></td><!></tr>"), ka = /* @__PURE__ */ q("<p class=\"small svelte-1n46o8q\">Colors correspond to input colors</p>"), Aa = /* @__PURE__ */ q("<button class=\"item svelte-1n46o8q\"><span class=\"disc svelte-1n46o8q\"></span> <!></button>"), ja = /* @__PURE__ */ q("<span class=\"small svelte-1n46o8q\">not shown</span>"), Ma = /* @__PURE__ */ q("<p class=\"small svelte-1n46o8q\">Hover to isolate, click to expand feature</p> <div class=\"legend svelte-1n46o8q\"><!> <button class=\"item svelte-1n46o8q\" data-testid=\"legend-residual\"><span></span> residual (everything else)<!></button></div>", 1), Na = /* @__PURE__ */ q("<canvas data-testid=\"popup-observation\" class=\"svelte-1n46o8q\"></canvas>"), Pa = /* @__PURE__ */ q("<img data-testid=\"popup-image\" draggable=\"false\" class=\"svelte-1n46o8q\"/>"), Fa = /* @__PURE__ */ q("<div class=\"popup svelte-1n46o8q\" data-testid=\"feature-popup\" role=\"dialog\" tabindex=\"-1\"><div class=\"popup-head svelte-1n46o8q\"><b> </b> <button data-testid=\"popup-close\">close</button></div> <p class=\"small svelte-1n46o8q\">Dataset examples by spatial position. Press to view example, scroll to zoom.</p> <div class=\"sliders svelte-1n46o8q\"><label class=\"svelte-1n46o8q\">zoom in <input data-testid=\"zoom-slider\" type=\"range\" min=\"0\"/> zoom out</label> <label class=\"svelte-1n46o8q\">fewer patches <input data-testid=\"patches-slider\" type=\"range\" min=\"0\"/> more patches</label></div> <div class=\"popup-view svelte-1n46o8q\" role=\"button\" tabindex=\"0\" aria-label=\"press to view the example\"><!></div></div>"), Ia = /* @__PURE__ */ q("<div class=\"columns svelte-1n46o8q\"><div class=\"col svelte-1n46o8q\"><h3 class=\"svelte-1n46o8q\">Trajectories</h3> <div class=\"trajs svelte-1n46o8q\"></div> <h3 class=\"svelte-1n46o8q\">Bookmarks</h3> <p class=\"small svelte-1n46o8q\">Lowest advantage episodes (unexpected failures):</p> <ul class=\"bookmarks svelte-1n46o8q\"></ul> <p class=\"small svelte-1n46o8q\">Highest advantage episodes (unexpected successes):</p> <ul class=\"bookmarks svelte-1n46o8q\"></ul></div> <div class=\"col narrow svelte-1n46o8q\"><h3 class=\"svelte-1n46o8q\">Layers</h3> <!></div> <div class=\"col wide svelte-1n46o8q\"><h3 class=\"svelte-1n46o8q\">Timeline</h3> <!> <div class=\"navigator svelte-1n46o8q\"><button data-testid=\"step-back\" title=\"step back\">&#8592;</button> <button data-testid=\"first\" title=\"first frame\">&#10074;&#9664;</button> <!> <!> <button data-testid=\"last\" title=\"last frame\">&#9654;&#10074;</button> <button data-testid=\"step-forward\" title=\"step forward\">&#8594;</button> <label>fps <input data-testid=\"fps\" type=\"number\" min=\"0\" max=\"100\" class=\"svelte-1n46o8q\"/></label></div> <div class=\"scrubber svelte-1n46o8q\" data-testid=\"scrubber\" role=\"slider\" tabindex=\"-1\"><div class=\"pointer svelte-1n46o8q\"></div> <div class=\"tape svelte-1n46o8q\"><!></div> <div class=\"centre svelte-1n46o8q\"></div></div> <!> <h3 class=\"svelte-1n46o8q\"> </h3> <div class=\"toggles svelte-1n46o8q\"><label class=\"svelte-1n46o8q\"><input type=\"checkbox\" data-testid=\"toggle-overlay\"/> overlay on observations</label> <label class=\"svelte-1n46o8q\"><input type=\"checkbox\" data-testid=\"toggle-abs\"/> </label> <!></div> <table class=\"attr svelte-1n46o8q\"><thead><tr><th class=\"svelte-1n46o8q\"></th><th class=\"svelte-1n46o8q\">Observation</th><!></tr></thead><tbody></tbody></table> <button data-testid=\"add-row\">add row</button></div> <div class=\"col svelte-1n46o8q\"><h3 class=\"svelte-1n46o8q\"> </h3> <!> <h3 class=\"svelte-1n46o8q\">Hotkeys</h3> <ul class=\"small hotkeys svelte-1n46o8q\"><li>&#8592; go backwards</li><li>&#8594; go forwards</li><li>space: toggle play/pause</li></ul></div></div> <!>", 1), La = /* @__PURE__ */ q("<div class=\"app svelte-1n46o8q\"><!> <!> <div class=\"picker svelte-1n46o8q\"><label>Run <select data-testid=\"run-select\"></select></label> <label>Checkpoint (training step) <select data-testid=\"step-select\"></select></label> <button data-testid=\"reload\">reload runs</button> <!></div> <!></div>"), Ra = {
	hash: "svelte-1n46o8q",
	code: ".app.svelte-1n46o8q {font:13px/1.4 system-ui, sans-serif;color:#222;padding:8px;}h3.svelte-1n46o8q {margin:0.6em 0 0.3em;font-size:1.05em;}.small.svelte-1n46o8q {font-size:0.85em;color:#666;margin:0.2em 0;}.picker.svelte-1n46o8q {display:flex;gap:1em;align-items:center;flex-wrap:wrap;margin-bottom:0.5em;}.meta.svelte-1n46o8q {color:#666;}.error.svelte-1n46o8q {background:#fde2e1;border:1px solid #d33;padding:0.4em;margin-bottom:0.5em;white-space:pre-wrap;}.problems.svelte-1n46o8q {background:#fff6d6;border:1px solid #e0b400;padding:0.3em 0.5em;margin-bottom:0.5em;}.columns.svelte-1n46o8q {display:flex;gap:1.2em;align-items:flex-start;}.col.svelte-1n46o8q {min-width:10em;}.col.narrow.svelte-1n46o8q {min-width:6em;}.col.wide.svelte-1n46o8q {flex:none;min-width:48em;}.trajs.svelte-1n46o8q {display:flex;flex-direction:column;gap:2px;max-height:24em;overflow-y:auto;}.traj.svelte-1n46o8q {display:flex;align-items:center;gap:0.3em;cursor:pointer;padding:1px;}.traj.selected.svelte-1n46o8q {outline:2px solid #1f6fd1;}.traj.svelte-1n46o8q input:where(.svelte-1n46o8q) {display:none;}.bookmarks.svelte-1n46o8q {list-style:none;padding:0;margin:0 0 0.5em;}.link.svelte-1n46o8q {background:none;border:none;color:#1f6fd1;cursor:pointer;padding:0;text-decoration:underline;font:inherit;}.layer.svelte-1n46o8q {display:block;cursor:pointer;}.display.svelte-1n46o8q td:where(.svelte-1n46o8q) {padding-right:1em;color:#1f3fa0;}.policy.svelte-1n46o8q {display:flex;height:1.4em;width:100%;border:1px solid #ccc;overflow:hidden;}.seg.svelte-1n46o8q {font-size:0.8em;text-align:center;overflow:hidden;white-space:nowrap;}.navigator.svelte-1n46o8q {display:flex;gap:0.3em;align-items:center;margin:0.4em 0;width:24em;}.navigator.svelte-1n46o8q input:where(.svelte-1n46o8q) {width:3.5em;}.scrubber.svelte-1n46o8q {position:relative;height:4em;overflow:hidden;background:#eee;cursor:grab;user-select:none;}.tape.svelte-1n46o8q {position:absolute;top:0;bottom:0;}.centre.svelte-1n46o8q {position:absolute;left:calc(50% - 4px);width:2px;top:0;bottom:0;background:rgba(0,0,0,0.4);border-left:3px solid rgba(0,0,0,0.1);border-right:3px solid rgba(0,0,0,0.1);}.pointer.svelte-1n46o8q {position:absolute;left:calc(50% - 5px);top:0;border:5px solid transparent;border-top-color:#000;z-index:1;}.toggles.svelte-1n46o8q label:where(.svelte-1n46o8q) {display:block;}.attr.svelte-1n46o8q th:where(.svelte-1n46o8q) {font-weight:normal;color:#555;text-align:left;}.attr.svelte-1n46o8q td:where(.svelte-1n46o8q) {vertical-align:top;padding:2px;}.selector.svelte-1n46o8q {width:10em;}.selector.svelte-1n46o8q select:where(.svelte-1n46o8q) {max-width:10em;}.chart.svelte-1n46o8q {position:relative;height:3.5em;width:14em;background:#f4f4f4;margin-top:2px;}.chart.svelte-1n46o8q .zero:where(.svelte-1n46o8q) {position:absolute;left:0;right:0;height:1px;background:#888;}.chart.svelte-1n46o8q .bar:where(.svelte-1n46o8q) {position:absolute;}.chart.svelte-1n46o8q .bar.res:where(.svelte-1n46o8q) {outline:1px solid #888;}.chart.svelte-1n46o8q .bar.dashed:where(.svelte-1n46o8q) {outline:1px dashed #888;}.legend.svelte-1n46o8q {display:flex;flex-direction:column;gap:4px;}.item.svelte-1n46o8q {display:flex;align-items:center;gap:0.4em;cursor:pointer;background:none;border:1px solid transparent;padding:2px;font:inherit;text-align:left;}.item.svelte-1n46o8q:hover {border-color:#999;}.disc.svelte-1n46o8q {display:inline-flex;width:1.6em;height:1.6em;border-radius:50%;align-items:center;justify-content:center;font-weight:bold;color:#000;flex:none;}.resdisc.svelte-1n46o8q {background:#fff;border:2px solid #888;}.resdisc.dashed.svelte-1n46o8q {border-style:dashed;}.hotkeys.svelte-1n46o8q {padding-left:1.2em;}.popup.svelte-1n46o8q {position:fixed;top:2em;left:50%;transform:translateX(-50%);width:40em;background:#fff;border:1px solid #888;box-shadow:0 4px 24px rgba(0,0,0,0.3);padding:0.8em;z-index:10;}.popup-head.svelte-1n46o8q {display:flex;justify-content:space-between;}.sliders.svelte-1n46o8q label:where(.svelte-1n46o8q) {display:block;}.popup-view.svelte-1n46o8q {width:36em;height:36em;margin:0 auto;background:repeating-conic-gradient(#ddd 0 25%, #fff 0 50%) 0 0 / 16px 16px;cursor:pointer;}.popup-view.svelte-1n46o8q img:where(.svelte-1n46o8q), .popup-view.svelte-1n46o8q canvas:where(.svelte-1n46o8q) {width:100%;height:100%;image-rendering:pixelated;display:block;opacity:0.999;}"
};
function za(e, t) {
	Be(t, !0), Br(e, Ra);
	let n = {
		advantage: "#1f6fd1",
		value: "#1a9641",
		logit: "#d7301f",
		group: "#f08a00"
	}, r = /* @__PURE__ */ L(Ht([])), i = /* @__PURE__ */ L(Ht([])), a = /* @__PURE__ */ L(""), o = /* @__PURE__ */ L(-1), s = /* @__PURE__ */ L(null), c = /* @__PURE__ */ L(0), l = /* @__PURE__ */ L(0), u = /* @__PURE__ */ L(""), d = /* @__PURE__ */ L(Ht(["v"])), f = /* @__PURE__ */ L(!1), p = /* @__PURE__ */ L(!0), h = /* @__PURE__ */ L(!1), g = /* @__PURE__ */ L(null), _ = /* @__PURE__ */ L(0), v = /* @__PURE__ */ L(12), y = 1, b = /* @__PURE__ */ L(null), x = /* @__PURE__ */ L(0), S = /* @__PURE__ */ L(0), C = /* @__PURE__ */ L(null), w = /* @__PURE__ */ L(""), T = /* @__PURE__ */ L(null), ee = /* @__PURE__ */ L(null), te = /* @__PURE__ */ L(Ht({})), ne = Zi(), re = /* @__PURE__ */ L(0), ie = /* @__PURE__ */ F(() => G(s) ? G(s).probe_set.steps : 0), ae = /* @__PURE__ */ F(() => G(s) ? G(s).probe_set.trajectories : 0), oe = /* @__PURE__ */ F(() => G(s)?.layers.find((e) => e.name === G(u))), E = /* @__PURE__ */ F(() => G(oe)?.kind === "input"), se = /* @__PURE__ */ F(() => G(oe) ? G(E) ? 3 : G(oe).features : 0), ce = /* @__PURE__ */ F(() => G(E) ? [
		[
			1,
			0,
			0
		],
		[
			0,
			1,
			0
		],
		[
			0,
			0,
			1
		]
	] : (G(s)?.feature_colors ?? []).map(bi)), le = /* @__PURE__ */ F(() => G(g) ?? (G(h) && !G(E) ? "all" : "prin")), ue = /* @__PURE__ */ F(() => G(f) ? ["abs"] : ["pos", "neg"]), de = /* @__PURE__ */ F(() => (G(s)?.action_combos ?? []).map(Ti)), fe = /* @__PURE__ */ F(() => G(d).flatMap((e, t) => e === null ? [] : [{
		key: e,
		i: t
	}])), pe = /* @__PURE__ */ F(() => G(r).find((e) => e.run === G(a))?.steps ?? []);
	function D(e) {
		return `${G(a)}\u0000${G(o)}\u0000${G(u)}\u0000${G(c)}\u0000${e}`;
	}
	function me(e, t) {
		return Math.round((.75 * (t > 1 ? e / (t - 1) : 0) + .1875) * 255);
	}
	function he(e) {
		let t = G(s)?.outputs.find((t) => t.key === e);
		if (!t) return e;
		if (t.kind === "v") return "value function";
		if (t.kind === "logit") return `${G(de)[t.index] ?? t.index} logit`;
		let n = G(s).action_groups[t.index];
		return `[ ${t.actions.map((e) => G(de)[e] ?? e).join(" | ")} ] logit sum` + (n ? ` (${n.name})` : "");
	}
	function ge(e) {
		let t = G(s)?.outputs.find((t) => t.key === e);
		return !t || !G(T) ? [] : t.kind === "v" ? G(T).values : G(T).logits.map((e) => t.actions.reduce((t, n) => t + e[n], 0));
	}
	async function _e(e = !1) {
		try {
			let n = await t.source.runs(e);
			if (R(r, n.runs, !0), R(i, n.problems, !0), !G(r).length) {
				R(w, G(i).length ? "" : "No RL Clarity analysis in this logdir yet: run 'rl-clarity analyze CHECKPOINT --logdir LOGDIR'.", !0);
				return;
			}
			let s = G(r).find((e) => e.run === (G(a) || ne.run)) ?? G(r)[0], c = G(o) >= 0 ? G(o) : ne.step, l = s.steps.includes(c) ? c : s.steps[s.steps.length - 1];
			(s.run !== G(a) || l !== G(o)) && await ve(s.run, l);
		} catch (e) {
			R(w, String(e), !0);
		}
	}
	async function ve(e, n) {
		try {
			R(w, ""), R(_, 0);
			let r = await t.source.manifest(e, n), i = G(s) !== null;
			R(a, e, !0), R(o, n, !0), R(s, r, !0), R(te, {}, !0);
			let m = r.layers.map((e) => e.name), g = ne;
			ne = {}, m.includes(G(u)) || R(u, g.layer && m.includes(g.layer) ? g.layer : r.default_layer, !0);
			let v = r.outputs.map((e) => e.key), y = (g.rows ?? G(d)).filter((e) => e === null || v.includes(e));
			R(d, y.length ? y : ["v"], !0), g.abs !== void 0 && R(f, g.abs, !0), g.overlay !== void 0 && R(p, g.overlay, !0), g.residual !== void 0 && R(h, g.residual, !0), R(c, Math.min(Math.max(g.traj ?? G(c), 0), r.probe_set.trajectories - 1), !0), R(l, Math.min(Math.max(g.frame ?? (i ? G(l) : 0), 0), r.probe_set.steps - 1), !0), R(x, Math.max(0, r.features.expand_mults.indexOf(r.features.expand_default)), !0), R(S, Math.max(0, r.features.subdiv_mults.indexOf(r.features.subdiv_default)), !0);
		} catch (e) {
			R(w, String(e), !0);
		}
	}
	fn(() => {
		if (!G(s)) return;
		let [e, n, r] = [
			G(a),
			G(o),
			G(c)
		];
		Promise.all([t.source.series(e, n, r), t.source.image("frames", e, n, { traj: r })]).then(([t, i]) => {
			e === G(a) && n === G(o) && r === G(c) && (R(T, t, !0), R(ee, i, !0));
		}).catch((e) => R(w, String(e), !0));
	}), fn(() => {
		if (!G(s) || !G(u)) return;
		let e = new Set(G(fe).map(({ key: e }) => D(e)));
		ir(() => {
			for (let t of Object.keys(G(te))) e.has(t) || delete G(te)[t];
		});
		for (let { key: e } of G(fe)) {
			let n = D(e);
			if (G(te)[n]) continue;
			let [r, i, s, l] = [
				G(a),
				G(o),
				G(u),
				G(c)
			];
			Promise.all([t.source.unit(r, i, s, l, e), t.source.attribution(r, i, s, l, e)]).then(([t, r]) => {
				D(e) === n && (G(te)[n] = {
					unit: t,
					q: r
				});
			}).catch((e) => R(w, String(e), !0));
		}
	});
	function O(e, t) {
		if (!G(s) || !G(ee)) return null;
		let n = {
			sprite: G(ee),
			frameColumns: G(s).assets.frame_columns,
			obsShape: G(s).probe_set.observation_shape,
			t: G(l),
			kind: t,
			overlay: G(p)
		};
		if (t === "obs" || e === null) return n;
		let r = G(te)[D(e)];
		if (!r) return n;
		let i = {
			shape: r.unit.shape,
			residual: !G(E),
			colors: G(ce)
		};
		return {
			...n,
			q: r.q,
			info: i,
			mode: G(le),
			key: D(e)
		};
	}
	function ye(e) {
		R(l, Math.min(Math.max(Math.round(e), 0), Math.max(G(ie) - 1, 0)), !0);
	}
	function k(e) {
		R(_, 0), y = e, ye(G(l) + e);
	}
	let A = 0;
	function be(e) {
		A = 0, y = e, R(_, e, !0);
	}
	fn(() => {
		if (!G(_)) return;
		let e = Math.max(Math.min(Number(G(v)) || 0, 100), 0), t = G(l) + G(_), n = G(ie), r = e > 0 ? 1e3 / e : 1e3, i = performance.now();
		A = A && i - A < r ? A + r : i + r;
		let a = setTimeout(() => {
			t < 0 || t >= n ? R(_, 0) : R(l, t);
		}, Math.max(0, A - i));
		return () => clearTimeout(a);
	});
	function Se(e) {
		let t = e.target;
		if (!(t?.tagName === "SELECT" || t?.tagName === "INPUT" && !["radio", "checkbox"].includes(t.type))) {
			if (e.key === "ArrowLeft" || e.key === "ArrowRight") {
				let t = e.key === "ArrowLeft" ? -1 : 1;
				G(_) ? be(t) : k(t), e.preventDefault();
			} else e.key === " " && (G(_) ? R(_, 0) : be(y), e.preventDefault());
		}
	}
	let Ce = null;
	function we(e) {
		e.button === 0 && (R(_, 0), Ce = {
			x: e.clientX,
			frame: G(l),
			width: e.currentTarget.clientWidth
		}, e.preventDefault());
	}
	function Te(e) {
		Ce && (e.buttons & 1 ? ye(Ce.frame + (Ce.x - e.clientX) / Ce.width * Math.min(256, G(ie))) : Ce = null);
	}
	let Ee = /* @__PURE__ */ F(() => Math.min(256, Math.max(G(ie), 1)));
	function De() {
		let e = [...G(d)].reverse().find((e) => e !== null) ?? "v";
		R(d, [...G(d), e], !0);
	}
	function Oe(e) {
		R(d, G(d).map((t, n) => n === e ? null : t), !0);
	}
	let ke = /* @__PURE__ */ L(null), Ae = /* @__PURE__ */ L(void 0);
	fn(() => {
		if (!G(b) || !G(s)) return;
		let e = G(s).features, n = {
			layer: G(u),
			feature: G(b).feature,
			subdiv: String(e.subdiv_mults[G(S)]),
			expand: String(e.expand_mults[G(x)])
		};
		t.source.image("feature", G(a), G(o), n).then((e) => R(ke, e, !0)).catch((e) => R(w, String(e), !0));
	});
	let je = 0;
	function Me(e) {
		e.preventDefault();
		let t = performance.now();
		if (t - je < 100 || !G(s)) return;
		je = t;
		let n = G(s).features.expand_mults.length;
		R(x, Math.min(Math.max(G(x) + Math.sign(e.deltaY), 0), n - 1), !0);
	}
	let Ne = 0, Pe = 0;
	async function Fe(e) {
		if (e.button !== 0 || !G(b) || !G(s)) return;
		let n = ++Pe;
		Ne = n;
		let r = e.currentTarget.getBoundingClientRect(), i = G(s).features, c = await t.source.featureGrid(G(a), G(o), G(u), G(b).feature, i.subdiv_mults[G(S)], i.expand_mults[G(x)]), l = Math.min(c.cols - 1, Math.floor((e.clientX - r.left) / r.width * c.cols)), d = Math.min(c.rows - 1, Math.floor((e.clientY - r.top) / r.height * c.rows));
		Ne === n && R(C, c.indices[d * c.cols + l], !0);
	}
	fn(() => {
		if (G(C) === null || !G(s) || !G(Ae)) return;
		let e = G(s).assets, [n, r] = G(s).probe_set.observation_shape, i = G(C), c = Math.floor(i / e.sheet_size), l = i % e.sheet_size, u = G(Ae);
		t.source.image("observations", G(a), G(o), { sheet: c }).then((t) => {
			let i = u.getContext("2d");
			i.imageSmoothingEnabled = !1, i.drawImage(t, l % e.sheet_columns * r, Math.floor(l / e.sheet_columns) * n, r, n, 0, 0, r, n);
		});
	});
	function Ie(e) {
		if (!e?.totals) return null;
		let t = e.totals, n = t.map((e) => Math.max(...e)), r = t.map((e) => Math.min(...e)), i = (e, t) => [...e].sort((e, t) => e - t)[Math.floor(t * (e.length - 1))], a = Math.max(0, i(n, .9), Math.max(...n) / 5), o = Math.min(0, i(r, .1), Math.min(...r) / 5), s = a - o || 1, c = t[G(l)] ?? [], u = a / s * 100;
		return {
			bars: c.map((e, t) => {
				let n = Math.max(o, Math.min(a, e));
				return {
					k: t,
					top: (a - Math.max(n, 0)) / s * 100,
					height: Math.abs(n) / s * 100,
					residual: t === c.length - 1
				};
			}),
			zero: u
		};
	}
	fn(() => {
		G(s) && ra({
			run: G(a),
			step: G(o),
			layer: G(u),
			traj: G(c),
			frame: G(l),
			rows: G(fe).map((e) => e.key),
			abs: G(f),
			overlay: G(p),
			residual: G(h)
		});
	}), vi(() => {
		_e();
		let e = "embedded" in t.source;
		e && ea();
		let n = e ? () => {} : qi(() => {
			R(re, G(re) + 1), _e(!0);
		});
		return window.rlClarity = {
			setFrame(e) {
				return R(l, e, !0), wt(), G(l);
			},
			state: () => ({
				run: G(a),
				step: G(o),
				layer: G(u),
				traj: G(c),
				frame: G(l),
				rows: G(d),
				playing: G(_)
			})
		}, n;
	});
	var Le = La();
	dr("keydown", Gt, Se), dr("mousemove", Gt, Te), dr("mouseup", Gt, () => {
		Ce = null, Ne = 0, R(C, null);
	}), dr("click", Gt, () => R(b, null));
	var Re = z(Le), M = (e) => {
		var t = ia(), n = B(t, !0);
		H(() => Y(n, G(w))), J(e, t);
	};
	X(Re, (e) => {
		G(w) && e(M);
	});
	var ze = V(Re, 2), He = (e) => {
		var t = oa(), n = z(t), a = B(n), o = V(n, 2);
		Q(o, 21, () => G(i), Z, (e, t) => {
			var n = aa(), r = z(n), i = B(r, !0), a = V(r);
			j(n), H(() => {
				Y(i, G(t).run), Y(a, `${G(t).step === null ? "" : ` step ${G(t).step}`}: ${G(t).message ?? ""}`);
			}), J(e, n);
		}), j(o), j(t), H((e, n) => {
			t.open = !G(r).length, Y(a, `${G(i).length ?? ""} analysis problem${G(i).length > 1 ? "s" : ""}:
        ${e ?? ""}${n ?? ""}
        ${G(r).length ? "(other runs are fine)" : ""}`);
		}, [() => [...new Set(G(i).map((e) => e.run))].slice(0, 6).join(", "), () => new Set(G(i).map((e) => e.run)).size > 6 ? ", …" : ""]), J(e, t);
	};
	X(ze, (e) => {
		G(i).length && e(He);
	});
	var Ue = V(ze, 2), We = z(Ue), Ge = V(z(We));
	Q(Ge, 21, () => G(r), Z, (e, t) => {
		var n = sa(), r = B(n, !0), i = {};
		H(() => {
			Y(r, G(t).run), i !== (i = G(t).run) && (n.value = (n.__value = i) ?? "");
		}), J(e, n);
	}), j(Ge);
	var N;
	Qr(Ge), j(We);
	var Ke = V(We, 2), qe = V(z(Ke));
	Q(qe, 21, () => G(pe), Z, (e, t) => {
		var n = sa(), r = B(n, !0), i = {};
		H((e) => {
			Y(r, G(t)), i !== (i = e) && (n.value = (n.__value = i) ?? "");
		}, [() => String(G(t))]), J(e, n);
	}), j(qe);
	var P;
	Qr(qe), j(Ke);
	var Je = V(Ke, 2), Ye = V(Je, 2), Xe = (e) => {
		var t = ca(), n = B(t);
		H((e) => Y(n, `${G(s).env.kind ?? ""}/${G(s).env.name ?? ""}, ${G(ae) ?? ""} trajectories × ${G(ie) ?? ""} steps,
        IG completeness over the analysis: median ${e ?? ""}%`), [() => ((G(s).completeness?.median ?? NaN) * 100).toFixed(2)]), J(e, t);
	};
	X(Ye, (e) => {
		G(s) && e(Xe);
	}), j(Ue);
	var Ze = V(Ue, 2), Qe = (e) => {
		var r = Ia(), i = $t(r), y = z(i), w = V(z(y), 2);
		Q(w, 21, () => Array(G(ae)), Z, (e, n, r) => {
			var i = la();
			let s;
			$(i, "data-testid", `traj-${r}`);
			var l = z(i);
			ii(l);
			var u = V(l, 2);
			Ki(u, {
				get source() {
					return t.source;
				},
				get run() {
					return G(a);
				},
				get step() {
					return G(o);
				},
				traj: r
			});
			var d = V(u);
			d.textContent = r + 1, j(i), H(() => {
				s = Kr(i, 1, "traj svelte-1n46o8q", null, s, { selected: r === G(c) }), ai(l, r === G(c));
			}), K("change", l, () => R(c, r, !0)), J(e, i);
		}), j(w);
		var ee = V(w, 6);
		Q(ee, 21, () => G(s).bookmarks.low, Z, (e, t, n) => {
			var r = /* @__PURE__ */ F(() => m(G(t), 2));
			let i = () => G(r)[0], a = () => G(r)[1];
			var o = ua(), s = z(o);
			$(s, "data-testid", `bookmark-low-${n}`);
			var u = B(s);
			j(o), H(() => Y(u, `trajectory ${i() + 1}, frame ${a() + 1}`)), K("click", s, () => {
				R(_, 0), R(c, i(), !0), R(l, a(), !0);
			}), J(e, o);
		}), j(ee);
		var ne = V(ee, 4);
		Q(ne, 21, () => G(s).bookmarks.high, Z, (e, t, n) => {
			var r = /* @__PURE__ */ F(() => m(G(t), 2));
			let i = () => G(r)[0], a = () => G(r)[1];
			var o = ua(), s = z(o);
			$(s, "data-testid", `bookmark-high-${n}`);
			var u = B(s);
			j(o), H(() => Y(u, `trajectory ${i() + 1}, frame ${a() + 1}`)), K("click", s, () => {
				R(_, 0), R(c, i(), !0), R(l, a(), !0);
			}), J(e, o);
		}), j(ne), j(y);
		var re = V(y, 2);
		Q(V(z(re), 2), 17, () => G(s).layers, Z, (e, t) => {
			var n = da(), r = z(n);
			ii(r);
			var i = V(r), a = B(V(i));
			j(n), H(() => {
				$(n, "data-testid", `layer-${G(t).name ?? ""}`), ai(r, G(t).name === G(u)), Y(i, ` ${G(t).name ?? ""} `), Y(a, `${G(t).shape[0] ?? ""}×${G(t).shape[1] ?? ""}`);
			}), K("change", r, () => R(u, G(t).name, !0)), J(e, n);
		}), j(re);
		var oe = V(re, 2), ce = V(z(oe), 2), le = (e) => {
			var t = ha(), n = $t(t), r = z(n), i = z(r), a = z(i), o = z(a), s = (e) => {
				var t = fa(), n = B(V($t(t)), !0);
				H((e) => Y(n, e), [() => Ei(G(T).rewards[G(l) - 1])]), J(e, t);
			};
			X(o, (e) => {
				G(l) > 0 && G(T).rewards[G(l) - 1] !== 0 && e(s);
			}), j(a);
			var c = V(a), u = z(c), d = (e) => {
				J(e, pa());
			};
			X(u, (e) => {
				G(l) > 0 && G(T).dones[G(l) - 1] && e(d);
			}), j(c);
			var f = V(c), p = B(V(z(f)), !0);
			j(f);
			var m = V(f, 2), h = B(V(z(m)), !0);
			j(m), j(i), j(r), j(n);
			var g = V(n, 2);
			Q(g, 21, () => Ci(G(T).logits[G(l)] ?? []), Z, (e, t, n) => {
				var r = Sr(), i = $t(r), a = (e) => {
					let r = /* @__PURE__ */ F(() => me(n, G(de).length));
					var i = ma();
					let a;
					var o = B(i, !0);
					H((e) => {
						$(i, "title", `${G(de)[n] ?? ""}: ${e ?? ""}%`), a = Jr(i, "", a, {
							width: `${G(t) * 100}%`,
							background: `rgb(${G(r) ?? ""},${G(r) ?? ""},${G(r) ?? ""})`,
							color: G(r) < 128 ? "#fff" : "#000"
						}), Y(o, G(t) > .06 ? G(de)[n] : "");
					}, [() => (G(t) * 100).toFixed(1)]), J(e, i);
				};
				X(i, (e) => {
					G(t) > .002 && e(a);
				}), J(e, r);
			}), j(g), H(() => {
				Y(p, G(l) + 1), Y(h, G(de)[G(T).actions[G(l)]] ?? G(T).actions[G(l)]);
			}), J(e, t);
		};
		X(ce, (e) => {
			G(T) && e(le);
		});
		var pe = V(ce, 2), _e = z(pe), ve = V(_e, 2), A = V(ve, 2), Se = (e) => {
			var t = ga();
			K("click", t, () => R(_, 0)), J(e, t);
		}, Ce = (e) => {
			var t = _a();
			K("click", t, () => be(-1)), J(e, t);
		};
		X(A, (e) => {
			G(_) === -1 ? e(Se) : e(Ce, -1);
		});
		var Te = V(A, 2), je = (e) => {
			var t = ga();
			K("click", t, () => R(_, 0)), J(e, t);
		}, Ne = (e) => {
			var t = va();
			K("click", t, () => be(1)), J(e, t);
		};
		X(Te, (e) => {
			G(_) === 1 ? e(je) : e(Ne, -1);
		});
		var Pe = V(Te, 2), Le = V(Pe, 2), Re = V(Le, 2), M = V(z(Re));
		ii(M), j(Re), j(pe);
		var ze = V(pe, 2), Be = V(z(ze), 2);
		let Ve;
		Ki(z(Be), {
			get source() {
				return t.source;
			},
			get run() {
				return G(a);
			},
			get step() {
				return G(o);
			},
			get traj() {
				return G(c);
			},
			stretch: !0
		}), j(Be), xe(2), j(ze);
		var He = V(ze, 2), Ue = (e) => {
			var t = ya(), r = $t(t);
			zi(r, {
				title: "advantage",
				get color() {
					return n.advantage;
				},
				get values() {
					return G(T).advantages;
				},
				get dones() {
					return G(T).dones;
				},
				get frame() {
					return G(l);
				},
				get visible() {
					return G(Ee);
				},
				testid: "graph-advantage"
			}), Q(V(r, 2), 17, () => [...new Set(G(fe).map((e) => e.key))], Z, (e, t) => {
				let r = /* @__PURE__ */ F(() => G(s).outputs.find((e) => e.key === G(t)));
				{
					let i = /* @__PURE__ */ F(() => he(G(t))), a = /* @__PURE__ */ F(() => G(r)?.kind === "v" ? n.value : G(r)?.kind === "logit" ? n.logit : n.group), o = /* @__PURE__ */ F(() => ge(G(t)));
					zi(e, {
						get title() {
							return G(i);
						},
						get color() {
							return G(a);
						},
						get values() {
							return G(o);
						},
						get dones() {
							return G(T).dones;
						},
						get frame() {
							return G(l);
						},
						get visible() {
							return G(Ee);
						},
						get testid() {
							return `graph-${G(t) ?? ""}`;
						}
					});
				}
			}), J(e, t);
		};
		X(He, (e) => {
			G(T) && e(Ue);
		});
		var We = V(He, 2), Ge = B(We, !0), N = V(We, 2), Ke = z(N), qe = z(Ke);
		ii(qe), xe(), j(Ke);
		var P = V(Ke, 2), Je = z(P);
		ii(Je);
		var Ye = V(Je);
		j(P);
		var Xe = V(P, 2), Ze = (e) => {
			var t = ba(), n = z(t);
			ii(n), xe(), j(t), ui(n, () => G(h), (e) => R(h, e)), J(e, t);
		};
		X(Xe, (e) => {
			G(E) || e(Ze);
		}), j(N);
		var Qe = V(N, 2), $e = z(Qe), et = z($e), tt = V(z(et), 2), nt = (e) => {
			var t = xa(), n = B(t);
			H(() => Y(n, `Positive and negative ${G(E) ? "gradients" : "attribution"}`)), J(e, t);
		}, rt = (e) => {
			var t = Sa(), n = $t(t), r = B(n), i = B(V(n));
			H(() => {
				Y(r, `Positive ${G(E) ? "gradients" : "attribution"}`), Y(i, `Negative ${G(E) ? "gradients" : "attribution"}`);
			}), J(e, t);
		};
		X(tt, (e) => {
			G(f) ? e(nt) : e(rt, -1);
		}), j(et), j($e);
		var it = V($e);
		Q(it, 21, () => G(fe), ({ key: e, i: t }) => t, (e, t) => {
			let n = () => G(t).key, r = () => G(t).i, i = /* @__PURE__ */ F(() => G(te)[D(n())]), a = /* @__PURE__ */ F(() => Ie(G(i)?.unit));
			var o = Oa(), c = z(o), u = z(c), f = z(u);
			f.value = f.__value = "v";
			var p = V(f);
			Q(p, 21, () => G(s).outputs.filter((e) => e.kind === "logit"), Z, (e, t) => {
				var n = sa(), r = B(n), i = {};
				H(() => {
					Y(r, `${G(de)[G(t).index] ?? ""} logit`), i !== (i = G(t).key) && (n.value = (n.__value = i) ?? "");
				}), J(e, n);
			}), j(p);
			var m = V(p);
			Q(m, 21, () => G(s).outputs.filter((e) => e.kind === "group"), Z, (e, t) => {
				var n = sa(), r = B(n, !0), i = {};
				H((e) => {
					Y(r, e), i !== (i = G(t).key) && (n.value = (n.__value = i) ?? "");
				}, [() => G(t).actions.map((e) => G(de)[e]).join(" | ")]), J(e, n);
			}), j(m), j(u);
			var _;
			Qr(u);
			var v = V(u, 2), y = (e) => {
				var t = Ca();
				H(() => $(t, "data-testid", `remove-row-${r() ?? ""}`)), K("click", t, () => Oe(r())), J(e, t);
			};
			X(v, (e) => {
				G(fe).length > 1 && e(y);
			});
			var b = V(v, 2), x = (e) => {
				var t = wa(), n = B(t);
				H((e) => Y(n, `IG completeness error: ${e ?? ""}%`), [() => (G(i).unit.completeness[G(l)] * 100).toFixed(2)]), J(e, t);
			};
			X(b, (e) => {
				G(i)?.unit.completeness && e(x);
			}), j(c);
			var S = V(c), C = z(S);
			{
				let e = /* @__PURE__ */ F(() => O(null, "obs")), t = /* @__PURE__ */ F(() => r() === G(fe)[0].i ? "obs-canvas" : `obs-canvas-${r()}`);
				Pi(C, {
					get spec() {
						return G(e);
					},
					get testid() {
						return G(t);
					}
				});
			}
			var w = V(C, 2), T = (e) => {
				var t = Ea(), n = z(t);
				let i;
				Q(V(n, 2), 17, () => G(a).bars, Z, (e, t) => {
					var n = Ta();
					let r, i;
					H(() => {
						r = Kr(n, 1, "bar svelte-1n46o8q", null, r, {
							res: G(t).residual,
							dashed: G(t).residual && !G(h) && G(g) !== "res"
						}), i = Jr(n, "", i, {
							left: `${G(t).k / G(a).bars.length * 100}%`,
							width: `${80 / G(a).bars.length}%`,
							top: `${G(t).top ?? ""}%`,
							height: `${G(t).height ?? ""}%`,
							background: G(t).residual ? "#fff" : G(s).feature_colors[G(t).k]
						});
					}), J(e, n);
				}), j(t), H(() => {
					$(t, "data-testid", `chart-${r() ?? ""}`), i = Jr(n, "", i, { top: `${G(a).zero ?? ""}%` });
				}), J(e, t);
			};
			X(w, (e) => {
				G(a) && e(T);
			}), j(S), Q(V(S), 17, () => G(ue), Z, (e, t) => {
				var i = Da(), a = z(i);
				{
					let e = /* @__PURE__ */ F(() => O(n(), G(t)));
					Pi(a, {
						get spec() {
							return G(e);
						},
						get testid() {
							return `attr-canvas-${r() ?? ""}-${G(t) ?? ""}`;
						}
					});
				}
				j(i), J(e, i);
			}), j(o), H(() => {
				$(u, "data-testid", `row-output-${r() ?? ""}`), _ !== (_ = n()) && (u.value = (u.__value = _) ?? "", Zr(u, _));
			}), K("change", u, (e) => G(d)[r()] = e.currentTarget.value), J(e, o);
		}), j(it), j(Qe);
		var at = V(Qe, 2);
		j(oe);
		var ot = V(oe, 2), st = z(ot), ct = B(st, !0), lt = V(st, 2), ut = (e) => {
			J(e, ka());
		}, dt = (e) => {
			var n = Ma(), r = V($t(n), 2), i = z(r);
			Q(i, 17, () => Array(G(se)), Z, (e, n, r) => {
				var i = Aa();
				$(i, "data-testid", `legend-${r}`);
				var c = z(i);
				let l;
				c.textContent = r + 1, Hi(V(c, 2), {
					get source() {
						return t.source;
					},
					get run() {
						return G(a);
					},
					get step() {
						return G(o);
					},
					get layer() {
						return G(u);
					},
					k: r,
					get K() {
						return G(se);
					}
				}), j(i), H(() => l = Jr(c, "", l, { background: G(s).feature_colors[r] })), dr("mouseenter", i, () => R(g, r, !0)), dr("mouseleave", i, () => R(g, null)), K("click", i, (e) => {
					e.stopPropagation(), R(b, { feature: r }, !0);
				}), J(e, i);
			});
			var c = V(i, 2), l = z(c);
			let d;
			var f = V(l, 2), p = (e) => {
				J(e, ja());
			};
			X(f, (e) => {
				!G(h) && G(g) !== "res" && e(p);
			}), j(c), j(r), H(() => d = Kr(l, 1, "disc resdisc svelte-1n46o8q", null, d, { dashed: !G(h) && G(g) !== "res" })), dr("mouseenter", c, () => R(g, "res")), dr("mouseleave", c, () => R(g, null)), J(e, n);
		};
		X(lt, (e) => {
			G(E) ? e(ut) : e(dt, -1);
		}), xe(4), j(ot), j(i);
		var ft = V(i, 2), pt = (e) => {
			let t = /* @__PURE__ */ F(() => G(s).features);
			var n = Fa(), r = z(n), i = z(r), a = B(i), o = V(i, 2);
			j(r);
			var c = V(r, 4), l = z(c), d = V(z(l));
			ii(d), xe(), j(l);
			var f = V(l, 2), p = V(z(f));
			ii(p), xe(), j(f), j(c);
			var m = V(c, 2), h = z(m), g = (e) => {
				var t = Na();
				mi(t, (e) => R(Ae, e), () => G(Ae)), H(() => {
					$(t, "width", G(s).probe_set.observation_shape[1]), $(t, "height", G(s).probe_set.observation_shape[0]);
				}), J(e, t);
			}, _ = (e) => {
				var t = Pa();
				H(() => {
					$(t, "src", G(ke).src), $(t, "alt", `feature ${G(b).feature + 1}`);
				}), J(e, t);
			};
			X(h, (e) => {
				G(C) === null ? G(ke) && e(_, 1) : e(g);
			}), j(m), j(n), H(() => {
				Y(a, `Layer ${G(u) ?? ""}, feature ${G(b).feature + 1}`), $(d, "max", G(t).expand_mults.length - 1), $(p, "max", G(t).subdiv_mults.length - 1);
			}), K("click", n, (e) => e.stopPropagation()), K("keydown", n, () => {}), K("click", o, () => R(b, null)), li(d, () => G(x), (e) => R(x, e)), li(p, () => G(S), (e) => R(S, e)), dr("wheel", m, Me), K("mousedown", m, Fe), J(e, n);
		};
		X(ft, (e) => {
			G(b) && e(pt);
		}), H(() => {
			$(ze, "aria-valuenow", G(l)), Ve = Jr(Be, "", Ve, {
				width: `${G(ie) / G(Ee) * 100}%`,
				left: `${(.5 - (G(l) + .5) / G(Ee)) * 100}%`
			}), Y(Ge, G(E) ? "Gradients" : "Attribution"), Y(Ye, ` combine positive and negative ${G(E) ? "gradients" : "attribution"}`), Y(ct, G(E) ? "Gradients legend" : "Attribution legend");
		}), K("click", _e, () => k(-1)), K("click", ve, () => {
			R(_, 0), ye(0);
		}), K("click", Pe, () => {
			R(_, 0), ye(G(ie) - 1);
		}), K("click", Le, () => k(1)), li(M, () => G(v), (e) => R(v, e)), K("mousedown", ze, we), ui(qe, () => G(p), (e) => R(p, e)), ui(Je, () => G(f), (e) => R(f, e)), K("click", at, De), J(e, r);
	};
	X(Ze, (e) => {
		G(s) && e(Qe);
	}), j(Le), H((e) => {
		$(Le, "data-reloads", G(re)), N !== (N = G(a)) && (Ge.value = (Ge.__value = N) ?? "", Zr(Ge, N)), P !== (P = e) && (qe.value = (qe.__value = P) ?? "", Zr(qe, P));
	}, [() => String(G(o))]), K("change", Ge, (e) => {
		let t = G(r).find((t) => t.run === e.currentTarget.value);
		t && ve(t.run, t.steps.includes(G(o)) ? G(o) : t.steps[t.steps.length - 1]);
	}), K("change", qe, (e) => ve(G(a), Number(e.currentTarget.value))), K("click", Je, () => _e(!0)), J(e, Le), Ve();
}
fr([
	"change",
	"click",
	"mousedown",
	"keydown"
]);
// src/data.ts
function Ba(e) {
	return new URLSearchParams(Object.entries(e).map(([e, t]) => [e, String(t)])).toString();
}
function Va(e) {
	return String(Number(e));
}
var Ha = class e {
	base;
	cache = /* @__PURE__ */ new Map();
	digests = /* @__PURE__ */ new Map();
	constructor(e = "./") {
		this.base = e;
	}
	async get(e, t, n) {
		let r = `${this.base}${e}?${Ba(t)}`, i = await fetch(r);
		if (!i.ok) throw Error(`${e}: ${i.status} ${(await i.text()).slice(0, 300)}`);
		return n === "json" ? i.json() : i.arrayBuffer();
	}
	memo(e, t) {
		let n = this.cache.get(e);
		return n ? (this.cache.delete(e), this.cache.set(e, n), n) : (n = t(), this.cache.set(e, n), n.catch(() => this.cache.delete(e)), n);
	}
	static attributionBudget = 384 * 2 ** 20;
	attributionBytes = /* @__PURE__ */ new Map();
	trimAttributions() {
		let t = 0;
		for (let e of this.attributionBytes.values()) t += e;
		for (let n of this.cache.keys()) {
			if (t <= e.attributionBudget) break;
			let r = this.attributionBytes.get(n);
			r !== void 0 && (this.cache.delete(n), this.attributionBytes.delete(n), t -= r);
		}
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
	async runs(e = !1) {
		return await this.get("runs", e ? { refresh: 1 } : {}, "json");
	}
	manifest(e, t) {
		return this.memo(`m/${e}/${t}`, async () => {
			let n = await this.get("manifest", {
				run: e,
				step: t
			}, "json");
			return this.digests.set(`${e}\u0000${t}`, (n.digest || "").slice(0, 12)), n;
		});
	}
	series(e, t, n) {
		return this.memo(`s/${e}/${t}/${n}`, () => this.get("series", this.params(e, t, { traj: n }), "json"));
	}
	unit(e, t, n, r, i) {
		return this.memo(`u/${e}/${t}/${n}/${r}/${i}`, () => this.get("unit", this.params(e, t, {
			layer: n,
			traj: r,
			output: i
		}), "json"));
	}
	attribution(e, t, n, r, i) {
		let a = `a/${e}/${t}/${n}/${r}/${i}`;
		return this.memo(a, async () => {
			let o = new Int8Array(await this.get("attribution", this.params(e, t, {
				layer: n,
				traj: r,
				output: i
			}), "bytes"));
			return this.cache.has(a) && (this.attributionBytes.set(a, o.byteLength), this.trimAttributions()), o;
		});
	}
	featureGrid(e, t, n, r, i, a) {
		return this.memo(`g/${e}/${t}/${n}/${r}/${i}/${a}`, () => this.get("feature_grid", this.params(e, t, {
			layer: n,
			feature: r,
			subdiv: Va(i),
			expand: Va(a)
		}), "json"));
	}
	image(e, t, n, r) {
		let i = `${this.base}${e}?${Ba(this.params(t, n, r))}`;
		return this.memo(`i/${i}`, () => Ua(i));
	}
};
function Ua(e) {
	return new Promise((t, n) => {
		let r = new Image();
		r.onload = () => t(r), r.onerror = () => n(/* @__PURE__ */ Error(`could not load ${e.split("?")[0]}`)), r.src = e;
	});
}
// src/embedded.ts
var Wa = [
	"values",
	"advantages",
	"rewards",
	"dones",
	"firsts",
	"actions"
];
function Ga(e) {
	return String(Number(e));
}
var Ka = class {
	embedded = !0;
	index;
	blobs;
	cache = /* @__PURE__ */ new Map();
	constructor(e, t) {
		if (this.index = JSON.parse(e.textContent || "{}"), this.blobs = t.textContent || "", this.index.format !== 1) throw Error(`unsupported export format ${this.index.format}`);
	}
	memo(e, t) {
		let n = this.cache.get(e);
		return n || (n = t(), this.cache.set(e, n)), n;
	}
	entry(e) {
		let t = this.index.blobs[e];
		if (!t) throw Error(`the export does not hold ${e}`);
		return t;
	}
	bytes(e) {
		let [t, n] = this.entry(e), r = atob(this.blobs.slice(t, n)), i = new Uint8Array(r.length);
		for (let e = 0; e < r.length; e++) i[e] = r.charCodeAt(e);
		return i;
	}
	async inflate(e) {
		let t = new Blob([this.bytes(e)]).stream().pipeThrough(new DecompressionStream("deflate"));
		return new Uint8Array(await new Response(t).arrayBuffer());
	}
	floats(e) {
		let t = this.bytes(e);
		return new Float32Array(t.buffer, t.byteOffset, t.byteLength / 4);
	}
	check(e, t) {
		if (e !== this.index.run || t !== this.index.step) throw Error(`this page holds ${this.index.run} at step ${this.index.step} only`);
	}
	async runs() {
		return {
			runs: [{
				run: this.index.run,
				steps: [this.index.step]
			}],
			problems: []
		};
	}
	async manifest(e, t) {
		return this.check(e, t), this.index.manifest;
	}
	series(e, t, n) {
		return this.check(e, t), this.memo(`s/${n}`, async () => {
			let e = this.index.manifest.probe_set.steps, t = this.floats(`series/${n}`), r = t.length / e, i = (n) => Array.from({ length: e }, (e, i) => t[i * r + n]), a = {};
			return Wa.forEach((e, t) => a[e] = i(t)), a.logits = Array.from({ length: e }, (e, n) => Array.from(t.subarray(n * r + 6, (n + 1) * r))), a;
		});
	}
	unit(e, t, n, r, i) {
		this.check(e, t);
		let a = `${n}/${r}/${i}`;
		return this.memo(`u/${a}`, async () => {
			let e = this.index.units[a];
			if (!e) throw Error(`the export does not hold attribution ${a}`);
			let t = { ...e };
			if (this.index.blobs[`totals/${a}`]) {
				let n = this.floats(`totals/${a}`), r = e.shape[3];
				t.totals = Array.from({ length: e.shape[0] }, (e, t) => Array.from(n.subarray(t * r, (t + 1) * r))), t.completeness = Array.from(this.floats(`completeness/${a}`));
			}
			return t;
		});
	}
	attribution(e, t, n, r, i) {
		this.check(e, t);
		let a = `${n}/${r}/${i}`;
		return this.memo(`a/${a}`, async () => {
			let [e, t, n, r] = this.index.units[a].shape, i = await this.inflate(`attribution/${a}`), o = e * t * n, s = new Int8Array(o * r);
			for (let e = 0; e < r; e++) {
				let t = new Int8Array(i.buffer, i.byteOffset + e * o, o);
				for (let n = 0; n < o; n++) s[n * r + e] = t[n];
			}
			return s;
		});
	}
	featureGrid(e, t, n, r, i, a) {
		this.check(e, t);
		let o = `${n}/${r}/${Ga(i)}/${Ga(a)}`;
		return this.memo(`g/${o}`, async () => {
			let e = await this.inflate(`grid/${o}`), t = Array.from(new Int32Array(e.buffer, e.byteOffset, e.byteLength / 4)), r = this.index.feature_layouts[`${n}/${Ga(i)}/${Ga(a)}`];
			return {
				rows: r.rows_lo.length,
				cols: r.cols_lo.length,
				indices: t
			};
		});
	}
	image(e, t, n, r) {
		this.check(t, n);
		let i;
		if (i = e === "frames" || e === "scrub" ? `${e}/${r.traj}` : e === "observations" ? `observations/${r.sheet}` : e === "thumbnails" ? `thumbnails/${r.layer}` : `${r.layer}/${r.feature}/${Ga(r.subdiv)}/${Ga(r.expand)}`, e === "feature" && !this.index.blobs[`feature/${i}`]) return this.memo(`f/${i}`, () => this.composeFeature(i, r));
		let a = e === "feature" ? `feature/${i}` : i;
		return this.memo(`i/${a}`, () => {
			let [e, t, n] = this.entry(a);
			return Ua(`data:${n};base64,${this.blobs.slice(e, t)}`);
		});
	}
	observationPixels = /* @__PURE__ */ new Map();
	sheetPixels(e) {
		let t = this.observationPixels.get(e);
		return t || (t = this.image("observations", this.index.run, this.index.step, { sheet: e }).then((e) => {
			let t = document.createElement("canvas");
			t.width = e.naturalWidth, t.height = e.naturalHeight;
			let n = t.getContext("2d", { willReadFrequently: !0 });
			return n.drawImage(e, 0, 0), n.getImageData(0, 0, t.width, t.height);
		}), this.observationPixels.set(e, t)), t;
	}
	async composeFeature(e, t) {
		let n = await this.featurePixels(e, t), r = document.createElement("canvas");
		return r.width = n.width, r.height = n.height, r.getContext("2d").putImageData(n, 0, 0), Ua(r.toDataURL("image/png"));
	}
	async featurePixels(e, t) {
		let n = this.index.manifest, r = this.index.feature_layouts[`${t.layer}/${Ga(t.subdiv)}/${Ga(t.expand)}`], i = await this.featureGrid(this.index.run, this.index.step, String(t.layer), Number(t.feature), Number(t.subdiv), Number(t.expand)), a = await this.inflate(`alpha/${e}`), [o, s] = n.probe_set.observation_shape, { sheet_size: c, sheet_columns: l } = n.assets, u = /* @__PURE__ */ new Map();
		for (let e of new Set(i.indices)) {
			let t = Math.floor(e / c);
			u.has(t) || u.set(t, await this.sheetPixels(t));
		}
		let d = r.rows_lo.map((e, t) => Math.max(r.rows_hi[t] - e, 0)), f = r.cols_lo.map((e, t) => Math.max(r.cols_hi[t] - e, 0)), p = d.reduce((e, t) => e + t, 0), m = f.reduce((e, t) => e + t, 0), h = new ImageData(m, p), g = h.data, _ = 0;
		for (let e = 0; e < d.length; e++) {
			let t = 0;
			for (let n = 0; n < f.length; n++) {
				let p = i.indices[e * f.length + n], h = a[e * f.length + n], v = u.get(Math.floor(p / c)), y = p % c, b = y % l * s, x = Math.floor(y / l) * o;
				for (let i = 0; i < d[e]; i++) {
					let a = r.rows_lo[e] + i, c = a - r.pad_rows;
					for (let e = 0; e < f[n]; e++) {
						let l = r.cols_lo[n] + e, u = l - r.pad_cols, d = ((_ + i) * m + t + e) * 4;
						if (c >= 0 && c < o && u >= 0 && u < s) {
							let e = ((x + c) * v.width + b + u) * 4;
							g[d] = v.data[e], g[d + 1] = v.data[e + 1], g[d + 2] = v.data[e + 2];
						} else {
							let e = (a + l) % 2 ? 255 : 191;
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
function qa(e) {
	document.body.style.margin = "0", Dr(za, {
		target: document.body,
		props: { source: e ?? new Ha("./") }
	});
}
var Ja = document.getElementById("rlc-index"), Ya = document.getElementById("rlc-blobs");
if (Ja && Ya) {
	let e = new Ka(Ja, Ya);
	window.rlClaritySource = e, qa(e);
}
export { qa as render };
