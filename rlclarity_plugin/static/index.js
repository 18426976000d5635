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
var h = 1024, g = 2048, _ = 4096, v = 8192, y = 16384, b = 32768, x = 1 << 25, S = 65536, C = 1 << 19, w = 1 << 20, ee = 1 << 25, te = 1 << 21, ne = 1 << 22, re = 1 << 23, ie = Symbol("$state"), T = Symbol("component"), ae = Symbol("legacy props"), oe = Symbol(""), se = Symbol("attributes"), ce = Symbol("class"), le = Symbol("style"), ue = Symbol("text"), de = Symbol("form reset"), E = new class extends Error {
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
function be(e) {
	if (e === null) throw ge(), pe;
	return k = e;
}
function xe() {
	return be(/* @__PURE__ */ en(k));
}
function A(e) {
	if (O) {
		if (/* @__PURE__ */ en(k) !== null) throw ge(), pe;
		k = e;
	}
}
function Se(e = 1) {
	if (O) {
		for (var t = e, n = k; t--;) n = /* @__PURE__ */ en(n);
		k = n;
	}
}
function Ce(e = !0) {
	for (var t = 0, n = k;;) {
		if (n.nodeType === 8) {
			var r = n.data;
			if (r === "]") {
				if (t === 0) return n;
				--t;
			} else (r === "[" || r === "[!" || r[0] === "[" && !isNaN(Number(r.slice(1)))) && (t += 1);
		}
		var i = /* @__PURE__ */ en(n);
		e && n.remove(), n = i;
	}
}
function we(e) {
	if (!e || e.nodeType !== 8) throw ge(), pe;
	return e.data;
}
// node_modules/svelte/src/internal/client/reactivity/equality.js
function Te(e) {
	return e === this.v;
}
function Ee(e, t) {
	return e == e ? e !== t || typeof e == "object" && !!e || typeof e == "function" : t == t;
}
function De(e) {
	return !Ee(e, this.v);
}
function Oe(e) {
	throw Error("https://svelte.dev/e/lifecycle_outside_component");
}
// node_modules/svelte/src/internal/client/errors.js
function ke() {
	throw Error("https://svelte.dev/e/async_derived_orphan");
}
function Ae(e, t, n) {
	throw Error("https://svelte.dev/e/each_key_duplicate");
}
function je(e) {
	throw Error("https://svelte.dev/e/effect_in_teardown");
}
function Me() {
	throw Error("https://svelte.dev/e/effect_in_unowned_derived");
}
function Ne(e) {
	throw Error("https://svelte.dev/e/effect_orphan");
}
function Pe() {
	throw Error("https://svelte.dev/e/effect_update_depth_exceeded");
}
function Fe(e) {
	throw Error("https://svelte.dev/e/props_invalid_value");
}
function Ie() {
	throw Error("https://svelte.dev/e/state_descriptors_fixed");
}
function Le() {
	throw Error("https://svelte.dev/e/state_prototype_fixed");
}
function Re() {
	throw Error("https://svelte.dev/e/state_unsafe_mutation");
}
function ze() {
	throw Error("https://svelte.dev/e/svelte_boundary_reset_onerror");
}
// node_modules/svelte/src/internal/client/context.js
var j = null;
function Be(e) {
	j = e;
}
function Ve(e, t = !1, n) {
	j = {
		p: j,
		i: !1,
		c: null,
		e: null,
		s: e,
		x: null,
		r: W,
		l: null
	};
}
function He(e) {
	var t = j, n = t.e;
	if (n !== null) {
		t.e = null;
		for (var r of n) pn(r);
	}
	return e !== void 0 && (t.x = e), t.i = !0, j = t.p, Ue(e);
}
function Ue(e = {}) {
	return i(e, T, { value: !0 }), e;
}
function We() {
	return !0;
}
// node_modules/svelte/src/internal/client/dom/task.js
var Ge = [];
function Ke() {
	var e = Ge;
	Ge = [], f(e);
}
function qe(e) {
	if (Ge.length === 0 && !yt) {
		var t = Ge;
		queueMicrotask(() => {
			t === Ge && Ke();
		});
	}
	Ge.push(e);
}
function Je() {
	for (; Ge.length > 0;) Ke();
}
// node_modules/svelte/src/internal/client/reactivity/status.js
var Ye = ~(g | _ | h);
function M(e, t) {
	e.f = e.f & Ye | t;
}
function Xe(e) {
	e.f & 512 || e.deps === null ? M(e, h) : M(e, _);
}
// node_modules/svelte/src/internal/client/reactivity/utils.js
function Ze(e, t) {
	e.f & 2048 ? t.set(e, g) : e.f & 4096 && t.get(e) !== 2048 && t.set(e, _), M(e, h);
}
// node_modules/svelte/src/internal/client/dom/elements/misc.js
var Qe = !1;
function $e() {
	Qe || (Qe = !0, document.addEventListener("reset", (e) => {
		Promise.resolve().then(() => {
			if (!e.defaultPrevented) for (let t of e.target.elements) t[de]?.();
		});
	}, { capture: !0 }));
}
// node_modules/svelte/src/internal/client/dom/elements/bindings/shared.js
function et(e) {
	var t = U, n = W;
	Fn(null), In(null);
	try {
		return e();
	} finally {
		Fn(t), In(n);
	}
}
function tt(e, t, n, r = n) {
	e.addEventListener(t, () => et(n));
	let i = e[de];
	e[de] = i ? () => {
		i(), r(!0);
	} : () => r(!0), $e();
}
// node_modules/svelte/src/internal/client/reactivity/async.js
function nt(e, t, n, r) {
	let i = We() ? ot : lt;
	var a = e.filter((e) => !e.settled), o = t.map(i);
	if (n.length === 0 && a.length === 0) {
		r(o);
		return;
	}
	var s = W, c = rt(), l = a.length === 1 ? a[0].promise : a.length > 1 ? Promise.all(a.map((e) => e.promise)) : null;
	function u(e) {
		if (!(s.f & 16384)) {
			c();
			try {
				r([...o, ...e]);
			} catch (e) {
				sn(e, s);
			}
			it();
		}
	}
	var d = at();
	if (n.length === 0) {
		l.then(() => u([])).finally(d);
		return;
	}
	function f() {
		Promise.all(n.map((e) => /* @__PURE__ */ ct(e))).then(u).catch((e) => sn(e, s)).finally(d);
	}
	l ? l.then(() => {
		s.f & 16384 ? d() : (c(), f(), it());
	}) : f();
}
function rt() {
	var e = W, t = U, n = j, r = P;
	return function(i = !0) {
		In(e), Fn(t), Be(n), i && !(e.f & 16384) && (r?.activate(), r?.apply());
	};
}
function it(e = !0) {
	In(null), Fn(null), Be(null), e && P?.deactivate();
}
function at() {
	var e = W, t = e.b, n = P, r = !!t?.is_rendered();
	return t?.update_pending_count(1, n), n.increment(r, e), () => {
		t?.update_pending_count(-1, n), n.decrement(r, e);
	};
}
/*#__NO_SIDE_EFFECTS__*/
function ot(e) {
	var t = 2 | g;
	return W !== null && (W.f |= C), {
		ctx: j,
		deps: null,
		effects: null,
		equals: Te,
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
var st = Symbol("obsolete");
/*#__NO_SIDE_EFFECTS__*/
function ct(e, t, n) {
	let r = W;
	r === null && ke();
	var i = void 0, a = It(D), o = !U, s = /* @__PURE__ */ new Set();
	return gn(() => {
		var t = W, n = p();
		i = n.promise;
		try {
			Promise.resolve(e()).then(n.resolve, (e) => {
				e !== E && n.reject(e);
			}).finally(it);
		} catch (e) {
			n.reject(e), it();
		}
		var c = P;
		if (o) {
			if (t.f & 32768) var l = at();
			if (r.b?.is_rendered()) c.async_deriveds.get(t)?.reject(st);
			else for (let e of s.values()) e.reject(st);
			s.add(n), c.async_deriveds.set(t, n);
		}
		let u = (e, t = void 0) => {
			l?.(), s.delete(n), t !== st && (c.activate(), t ? (a.f |= re, Bt(a, t)) : (a.f & 8388608 && (a.f ^= re), Bt(a, e)), c.deactivate());
		};
		n.promise.then(u, (e) => u(null, e || "unknown"));
	}), fn(() => {
		for (let e of s) e.reject(st);
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
function N(e) {
	let t = /* @__PURE__ */ ot(e);
	return Rn(t), t;
}
/*#__NO_SIDE_EFFECTS__*/
function lt(e) {
	let t = /* @__PURE__ */ ot(e);
	return t.equals = De, t;
}
function ut(e) {
	var t = e.effects;
	if (t !== null) {
		e.effects = null;
		for (var n = 0; n < t.length; n += 1) Cn(t[n]);
	}
}
function dt(e) {
	var t, n = W, r = e.parent;
	if (!Mn && r !== null && e.v !== D && r.f & 24576) return he(), e.v;
	In(r);
	try {
		ut(e), t = Xn(e);
	} finally {
		In(n);
	}
	return t;
}
function ft(e) {
	var t = dt(e);
	!e.equals(t) && (e.wv = qn(), (!P?.is_fork || e.deps === null) && (P === null ? e.v = t : (P.capture(e, t, !0), gt?.capture(e, t, !0)), e.deps === null)) ? M(e, h) : Mn || (_t === null ? Xe(e) : (dn() || P?.is_fork) && _t.set(e, t));
}
function pt(e) {
	if (e.effects !== null) for (let t of e.effects) (t.teardown || t.ac) && (t.teardown?.(), t.ac !== null && et(() => {
		t.ac.abort(E), t.ac = null;
	}), t.fn !== null && (t.teardown = d), $n(t, 0), xn(t));
}
function mt(e) {
	if (e.effects !== null) for (let t of e.effects) t.teardown && t.fn !== null && er(t);
}
// node_modules/svelte/src/internal/client/reactivity/batch.js
var ht = null, P = null, gt = null, _t = null, vt = null, yt = !1, bt = !1, xt = null, St = null, Ct = 0, wt = 1, Tt = class e {
	id = wt++;
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
		ht === null ? ht = this : (ht.next = this, this.prev = ht), ht = this;
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
			for (var r of n.d) M(r, g), t(r);
			for (r of n.m) M(r, _), t(r);
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
		for (let [e, t] of this.#s) M(e, t), this.schedule(e);
		this.apply();
		for (var t = xt = [], n = [], r = St = []; this.#a.length > 0;) {
			Ct++ > 1e3 && (this.#b(), Dt());
			for (let e of this.#p()) try {
				this.#h(e, t, n);
			} catch (t) {
				throw Mt(e), this.#d() || this.discard(), t;
			}
		}
		if (P = null, r.length > 0) {
			var i = e.ensure();
			for (let e of r) i.schedule(e);
		}
		if (xt = null, St = null, this.#d()) {
			this.#y(n), this.#y(t);
			for (let [e, t] of this.#c) jt(e, t);
			r.length > 0 && P.#m();
			return;
		}
		let a = this.#g();
		if (a) this.#y(n), this.#y(t), a.#v(this);
		else {
			this.#s.clear();
			for (let e of this.#e) e(this);
			this.#e.clear(), gt = this, kt(n), kt(t), gt = null, this.#i?.resolve();
			var o = P;
			this.#n === 0 && (this.#a.length === 0 || o !== null) && this.#b(), o !== null && (Pt.clear(), o.#m());
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
					r & 4194320 && !this.async_deriveds.has(i) && (this.#s.delete(i), M(i, g), this.schedule(i));
				}
			}
		};
		for (let e of this.current.keys()) t(e);
		this.oncommit(() => e.discard()), e.#b(), P = this, this.#m();
	}
	#y(e) {
		for (var t = 0; t < e.length; t += 1) Ze(e[t], this.#s);
	}
	capture(e, t, n = !1) {
		e.v !== D && !this.previous.has(e) && this.previous.set(e, e.v), e.f & 8388608 || (this.current.set(e, [t, n]), _t?.set(e, t)), this.is_fork || (e.v = t);
	}
	activate() {
		P = this;
	}
	deactivate() {
		P = null, _t = null;
	}
	flush() {
		try {
			bt = !0, P = this, this.#m();
		} finally {
			Ct = 0, vt = null, xt = null, St = null, bt = !1, P = null, _t = null, Pt.clear();
		}
	}
	discard() {
		for (let e of this.#t) e(this);
		this.#t.clear();
		for (let e of this.async_deriveds.values()) e.reject(st);
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
		this.#u || (this.#u = !0, qe(() => {
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
		if (P === null) {
			let t = P = new e();
			!bt && !yt && qe(() => {
				t.started || t.flush();
			});
		}
		return P;
	}
	apply() {
		_t = null;
	}
	schedule(e) {
		vt = e, e.b?.is_pending && e.f & 16777228 && !(e.f & 32768) ? e.b.defer_effect(e) : this.#a.push(e);
	}
	#b() {
		if (this.linked) {
			var e = this.prev, t = this.next;
			e === null || (e.next = t), t === null ? ht = e : t.prev = e, this.linked = !1;
		}
	}
};
function Et(e) {
	var t = yt, n = gt;
	gt = null, yt = !0;
	try {
		var r;
		for (e && (Et(), r = e());;) {
			if (Je(), P === null) return r;
			P.flush();
		}
	} finally {
		yt = t, gt = n;
	}
}
function Dt() {
	try {
		Pe();
	} catch (e) {
		sn(e, vt);
	}
}
var Ot = null;
function kt(e) {
	var t = e.length;
	if (t !== 0) {
		for (var n = 0; n < t;) {
			var r = e[n++];
			if (!(r.f & 24576) && Jn(r) && (Ot = /* @__PURE__ */ new Set(), er(r), r.deps === null && r.first === null && r.nodes === null && r.teardown === null && r.ac === null && Tn(r), Ot?.size > 0)) {
				Pt.clear();
				for (let e of Ot) {
					if (e.f & 24576) continue;
					let t = [e], n = e.parent;
					for (; n !== null;) Ot.has(n) && (Ot.delete(n), t.push(n)), n = n.parent;
					for (let e = t.length - 1; e >= 0; e--) {
						let n = t[e];
						n.f & 24576 || er(n);
					}
				}
				Ot.clear();
			}
		}
		Ot = null;
	}
}
function At(e) {
	P.schedule(e);
}
function jt(e, t) {
	if (!(e.f & 32 && e.f & 1024)) {
		e.f & 2048 ? t.d.push(e) : e.f & 4096 && t.m.push(e), M(e, h);
		for (var n = e.first; n !== null;) jt(n, t), n = n.next;
	}
}
function Mt(e) {
	M(e, h);
	for (var t = e.first; t !== null;) Mt(t), t = t.next;
}
// node_modules/svelte/src/internal/client/reactivity/sources.js
var Nt = /* @__PURE__ */ new Set(), Pt = /* @__PURE__ */ new Map(), Ft = !1;
function It(e, t) {
	return {
		f: 0,
		v: e,
		reactions: null,
		equals: Te,
		rv: 0,
		wv: 0
	};
}
/*#__NO_SIDE_EFFECTS__*/
function F(e, t) {
	let n = It(e, t);
	return Rn(n), n;
}
/*#__NO_SIDE_EFFECTS__*/
function Lt(e, t = !1, n = !0) {
	let r = It(e);
	return t || (r.equals = De), r;
}
function I(e, t, n = !1) {
	return U !== null && (!Pn || U.f & 131072) && We() && U.f & 4325394 && (Ln === null || !Ln.has(e)) && Re(), Bt(e, n ? Wt(t) : t, St);
}
var Rt = null, zt = 0;
function Bt(e, t, n = null) {
	if (!e.equals(t)) {
		Mn ? Pt.set(e, t) : Pt.has(e) || Pt.set(e, e.v);
		var r = Tt.ensure();
		if (r.capture(e, t), e.f & 2) {
			let t = e;
			e.f & 2048 && dt(t), _t === null && Xe(t);
		}
		e.wv = qn(), Rt = null, zt = 0, Ut(e, g, n), Rt = null, We() && W !== null && W.f & 1024 && !(W.f & 96) && (Vn === null ? Hn([e]) : Vn.push(e)), !r.is_fork && Nt.size > 0 && !Ft && Vt();
	}
	return t;
}
function Vt() {
	Ft = !1;
	for (let e of Nt) {
		e.f & 1024 && M(e, _);
		let t;
		try {
			t = Jn(e);
		} catch {
			t = !0;
		}
		t && er(e);
	}
	Nt.clear();
}
function Ht(e) {
	I(e, e.v + 1);
}
function Ut(e, t, n) {
	var r = e.reactions;
	if (r !== null) {
		var i = We(), a = r.length;
		if (zt += a, zt > 1e5 && Rt === null && (Rt = /* @__PURE__ */ new Set()), Rt !== null) {
			if (Rt.has(e)) return;
			Rt.add(e);
		}
		for (var o = 0; o < a; o++) {
			var s = r[o], c = s.f;
			if (i || s !== W) {
				var l = (c & g) === 0;
				if (l && M(s, t), c & 131072) Nt.add(s);
				else if (c & 2) {
					var u = s;
					_t?.delete(u), Ut(u, _, n);
				} else if (l) {
					var d = s;
					c & 16 && Ot !== null && Ot.add(d), n === null ? At(d) : n.push(d);
				}
			}
		}
	}
}
function Wt(t) {
	if (typeof t != "object" || !t || ie in t || T in t) return t;
	let n = l(t);
	if (n !== s && n !== c) return t;
	var r = /* @__PURE__ */ new Map(), i = e(t), o = /* @__PURE__ */ F(0), u = null, d = Gn, f = (e) => {
		if (Gn === d) return e();
		var t = U, n = Gn;
		Fn(null), Kn(d);
		var r = e();
		return Fn(t), Kn(n), r;
	};
	return i && r.set("length", /* @__PURE__ */ F(t.length, u)), new Proxy(t, {
		defineProperty(e, t, n) {
			"value" in n && n.configurable !== !1 && n.enumerable !== !1 && n.writable !== !1 || Ie();
			var i = r.get(t);
			return i === void 0 ? f(() => {
				var e = /* @__PURE__ */ F(n.value, u);
				return r.set(t, e), e;
			}) : I(i, n.value, !0), !0;
		},
		deleteProperty(e, t) {
			var n = r.get(t);
			if (n === void 0) {
				if (t in e) {
					let e = f(() => /* @__PURE__ */ F(D, u));
					r.set(t, e), Ht(o);
				}
			} else I(n, D), Ht(o);
			return !0;
		},
		get(e, n, i) {
			if (n === ie) return t;
			var o = r.get(n), s = n in e;
			if (o === void 0 && (!s || a(e, n)?.writable) && (o = f(() => /* @__PURE__ */ F(Wt(s ? e[n] : D), u)), r.set(n, o)), o !== void 0) {
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
			if (t === ie) return !0;
			var n = r.get(t), i = n !== void 0 && n.v !== D || Reflect.has(e, t);
			return (n !== void 0 || (W !== null || U !== null) && (!i || a(e, t)?.writable)) && (n === void 0 && (n = f(() => /* @__PURE__ */ F(i ? Wt(e[t]) : D, u)), r.set(t, n)), G(n) === D) ? !1 : i;
		},
		set(e, t, n, s) {
			var c = r.get(t), l = t in e;
			if (i && t === "length") for (var d = n; d < c.v; d += 1) {
				var p = r.get(d + "");
				p === void 0 ? d in e && (p = f(() => /* @__PURE__ */ F(D, u)), r.set(d + "", p)) : I(p, D);
			}
			if (c === void 0) (!l || a(e, t)?.writable) && (c = f(() => /* @__PURE__ */ F(void 0, u)), I(c, Wt(n)), r.set(t, c));
			else {
				l = c.v !== D;
				var m = f(() => Wt(n));
				I(c, m);
			}
			var h = Reflect.getOwnPropertyDescriptor(e, t);
			if (h?.set && h.set.call(s, n), !l) {
				if (i && typeof t == "string") {
					var g = r.get("length"), _ = Number(t);
					Number.isInteger(_) && _ >= g.v && I(g, _ + 1);
				}
				Ht(o);
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
			Le();
		}
	});
}
function Gt(e) {
	try {
		if (typeof e == "object" && e && ie in e) return e[ie];
	} catch {}
	return e;
}
function Kt(e, t) {
	return Object.is(Gt(e), Gt(t));
}
var qt, Jt, Yt, Xt;
function Zt() {
	if (qt === void 0) {
		qt = window, Jt = /Firefox/.test(navigator.userAgent);
		var e = Element.prototype, t = Node.prototype, n = Text.prototype;
		Yt = a(t, "firstChild").get, Xt = a(t, "nextSibling").get, u(e) && (e[ce] = void 0, e[se] = null, e[le] = void 0, e.__e = void 0), u(n) && (n[ue] = void 0);
	}
}
function Qt(e = "") {
	return document.createTextNode(e);
}
/*@__NO_SIDE_EFFECTS__*/
function $t(e) {
	return Yt.call(e);
}
/*@__NO_SIDE_EFFECTS__*/
function en(e) {
	return Xt.call(e);
}
function L(e, t) {
	if (!O) return /* @__PURE__ */ $t(e);
	var n = /* @__PURE__ */ $t(k);
	if (n === null) n = k.appendChild(Qt());
	else if (t && n.nodeType !== 3) {
		var r = Qt();
		return n?.before(r), be(r), r;
	}
	return t && an(n), be(n), n;
}
function R(e, t = !1) {
	if (!O) {
		var n = /* @__PURE__ */ $t(e);
		return n instanceof Comment && n.data === "" ? /* @__PURE__ */ en(n) : n;
	}
	if (t) {
		if (k?.nodeType !== 3) {
			var r = Qt();
			return k?.before(r), be(r), r;
		}
		an(k);
	}
	return k;
}
function z(e, t = !1) {
	if (!O) return /* @__PURE__ */ $t(e);
	var n = L(e, t);
	return A(e), n;
}
function B(e, t = 1, n = !1) {
	let r = O ? k : e;
	for (var i; t--;) i = r, r = /* @__PURE__ */ en(r);
	if (!O) return r;
	if (n) {
		if (r?.nodeType !== 3) {
			var a = Qt();
			return r === null ? i?.after(a) : r.before(a), be(a), a;
		}
		an(r);
	}
	return be(r), r;
}
function tn(e) {
	e.textContent = "";
}
function nn() {
	return !1;
}
function rn(e, t, n) {
	return t == null || t === "http://www.w3.org/1999/xhtml" ? n ? document.createElement(e, { is: n }) : document.createElement(e) : n ? document.createElementNS(t, e, { is: n }) : document.createElementNS(t, e);
}
function an(e) {
	if (e.nodeValue.length < 65536) return;
	let t = e.nextSibling;
	for (; t !== null && t.nodeType === 3;) t.remove(), e.nodeValue += t.nodeValue, t = e.nextSibling;
}
function on(e) {
	var t = W;
	if (t === null) return U.f |= re, e;
	if (!(t.f & 32768) && !(t.f & 4)) throw e;
	sn(e, t);
}
function sn(e, t) {
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
function cn(e) {
	W === null && (U === null && Ne(e), Me()), Mn && je(e);
}
function ln(e, t) {
	var n = t.last;
	n === null ? t.last = t.first = e : (n.next = e, e.prev = n, t.last = e);
}
function un(e, t) {
	var n = W;
	n !== null && n.f & 8192 && (e |= v);
	var r = {
		ctx: j,
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
	P?.register_created_effect(r);
	var i = r;
	if (e & 4) xt === null ? Tt.ensure().schedule(r) : xt.push(r);
	else if (t !== null) {
		try {
			er(r);
		} catch (e) {
			throw Cn(r), e;
		}
		i.deps === null && i.teardown === null && i.nodes === null && i.first === i.last && !(i.f & 524288) && (i = i.first, e & 16 && e & 65536 && i !== null && (i.f |= S));
	}
	if (i !== null && (i.parent = n, n !== null && ln(i, n), U !== null && U.f & 2 && !(e & 64))) {
		var a = U;
		(a.effects ??= []).push(i);
	}
	return r;
}
function dn() {
	return U !== null && !Pn;
}
function fn(e) {
	let t = un(8, null);
	return M(t, h), t.teardown = e, t;
}
function V(e) {
	cn("$effect");
	var t = W.f;
	if (!U && t & 32 && j !== null && !j.i) {
		var n = j;
		(n.e ??= []).push(e);
	} else return pn(e);
}
function pn(e) {
	return un(4 | w, e);
}
function mn(e) {
	Tt.ensure();
	let t = un(64 | C, e);
	return (e = {}) => new Promise((n) => {
		e.outro ? En(t, () => {
			Cn(t), n(void 0);
		}) : (Cn(t), n(void 0));
	});
}
function hn(e) {
	return un(4, e);
}
function gn(e) {
	return un(ne | C, e);
}
function _n(e, t = 0) {
	return un(8 | t, e);
}
function H(e, t = [], n = [], r = []) {
	nt(r, t, n, (t) => {
		un(8, () => {
			e(...t.map(G));
		});
	});
}
function vn(e, t = 0) {
	return un(16 | t, e);
}
function yn(e) {
	return un(32 | C, e);
}
function bn(e) {
	var t = e.teardown;
	if (t !== null) {
		let n = Mn, r = U;
		Nn(!0), Fn(null);
		try {
			t.call(null);
		} catch (t) {
			sn(t, e.parent);
		} finally {
			Nn(n), Fn(r);
		}
	}
}
function xn(e, t = !1) {
	var n = e.first;
	for (e.first = e.last = null; n !== null;) {
		let e = n.ac;
		e !== null && et(() => {
			e.abort(E);
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
		var n = e === t ? null : /* @__PURE__ */ en(e);
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
		e.f ^= v, e.f & 1024 || (M(e, g), Tt.ensure().schedule(e));
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
		var i = n === r ? null : /* @__PURE__ */ en(n);
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
			if (Jn(a) && ft(a), a.wv > e.wv) return !0;
		}
		t & 512 && _t === null && M(e, h);
	}
	return !1;
}
function Yn(e, t, n = !0) {
	var r = e.reactions;
	if (r !== null && !(Ln !== null && Ln.has(e))) for (var i = 0; i < r.length; i++) {
		var a = r[i];
		a.f & 2 ? Yn(a, t, !1) : t === a && (n ? M(a, g) : a.f & 1024 && M(a, _), At(a));
	}
}
function Xn(e) {
	var t = zn, n = Bn, r = Vn, i = U, a = Ln, o = j, s = Pn, c = Gn, l = e.f;
	zn = null, Bn = 0, Vn = null, U = l & 96 ? null : e, Ln = null, Be(e.ctx), Pn = !1, Gn = ++Wn, e.ac !== null && (et(() => {
		e.ac.abort(E);
	}), e.ac = null);
	try {
		e.f |= te;
		var u = e.fn, d = u();
		e.f |= b;
		var f = Zn(e);
		if (We() && Vn !== null && !Pn && f !== null && !(e.f & 6146)) for (var p = 0; p < Vn.length; p++) Yn(Vn[p], e);
		if (i !== null && i !== e) {
			if (Wn++, i.deps !== null) for (let e = 0; e < n; e += 1) i.deps[e].rv = Wn;
			if (t !== null) for (let e of t) e.rv = Wn;
			Vn !== null && (r === null ? r = Vn : r.push(...Vn));
		}
		return e.f & 8388608 && (e.f ^= re), d;
	} catch (t) {
		return Zn(e), on(t);
	} finally {
		e.f ^= te, zn = t, Bn = n, Vn = r, U = i, Ln = a, Be(o), Pn = s, Gn = c;
	}
}
function Zn(e) {
	var t = e.deps, n = P?.is_fork;
	if (zn !== null) {
		var r;
		if (n || $n(e, Bn), t !== null && Bn > 0) for (t.length = Bn + zn.length, r = 0; r < zn.length; r++) t[Bn + r] = zn[r];
		else e.deps = t = zn;
		if (dn() && e.f & 512) for (r = Bn; r < t.length; r++) (t[r].reactions ??= []).push(e);
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
		s.f & 512 && (s.f ^= 512), s.v !== D && Xe(s), s.ac !== null && et(() => {
			s.ac.abort(E), s.ac = null, M(s, g);
		}), pt(s), $n(s, 0);
	}
}
function $n(e, t) {
	var n = e.deps;
	if (n !== null) for (var r = t; r < n.length; r++) Qn(e, n[r]);
}
function er(e) {
	var t = e.f;
	if (!(t & 16384)) {
		M(e, h);
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
	await Promise.resolve(), Et();
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
	if (Mn && Pt.has(e)) return Pt.get(e);
	if (t) {
		var a = e;
		if (Mn) {
			var o = a.v;
			return (!(a.f & 1024) && a.reactions !== null || rr(a)) && (o = dt(a)), Pt.set(a, o), o;
		}
		var s = !(a.f & 512) && !Pn && U !== null && !!(U.f & 512), c = (a.f & b) === 0;
		Jn(a) && (s && (a.f |= 512), ft(a)), s && !c && (mt(a), nr(a));
	}
	if (_t?.has(e)) return _t.get(e);
	if (e.f & 8388608) throw e.v;
	return e.v;
}
function nr(e) {
	if (e.f |= 512, e.deps !== null) for (let r of e.deps) {
		var t = r.reactions;
		t === null ? r.reactions = [e] : n.call(t, e) || t.push(e), r.f & 2 && !(r.f & 512) && (mt(r), nr(r));
	}
}
function rr(e) {
	if (e.v === D) return !0;
	if (e.deps === null) return !1;
	for (let t of e.deps) if (Pt.has(t) || t.f & 2 && rr(t)) return !0;
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
		if (r.capture || hr.call(t, e), !e.cancelBubble) return et(() => n?.call(this, e));
	}
	return e.startsWith("pointer") || e.startsWith("touch") || e === "wheel" ? (i.__removed = !1, qe(() => {
		i.__removed || t.addEventListener(e, i, r);
	})) : t.addEventListener(e, i, r), i;
}
function dr(e, t, n, r, i) {
	var a = {
		capture: r,
		passive: i
	}, o = ur(e, t, n, a);
	(t === document.body || t === window || t === document || t instanceof HTMLMediaElement) && fn(() => {
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
	var t = rn("template");
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
		i === void 0 && (i = vr(a ? e : "<!>" + e), n || (i = /* @__PURE__ */ $t(i)));
		var t = r || Jt ? document.importNode(i, !0) : i.cloneNode(!0);
		if (n) {
			var o = /* @__PURE__ */ $t(t), s = t.lastChild;
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
			var e = /* @__PURE__ */ $t(vr(a));
			if (i) for (o = document.createDocumentFragment(); /* @__PURE__ */ $t(e);) o.appendChild(/* @__PURE__ */ $t(e));
			else o = /* @__PURE__ */ $t(e);
		}
		var t = o.cloneNode(!0);
		if (i) {
			var n = /* @__PURE__ */ $t(t), r = t.lastChild;
			yr(n, r);
		} else yr(t, t);
		return t;
	};
}
/*#__NO_SIDE_EFFECTS__*/
function xr(e, t) {
	return /* @__PURE__ */ br(e, t, "svg");
}
function Sr(e = "") {
	if (!O) {
		var t = Qt(e + "");
		return yr(t, t), t;
	}
	var n = k;
	return n.nodeType === 3 ? an(n) : (n.before(n = Qt()), be(n)), yr(n, n), n;
}
function Cr() {
	if (O) return yr(k, null), k;
	var e = document.createDocumentFragment(), t = document.createComment(""), n = Qt();
	return e.append(t, n), yr(t, n), e;
}
function J(e, t) {
	if (O) {
		var n = W;
		n.f & 32768 && n.nodes.end !== null || (n.nodes.end = k), xe();
	} else e !== null && e.before(t);
}
// node_modules/svelte/src/reactivity/create-subscriber.js
function wr(e) {
	let t = 0, n = It(0), r;
	return () => {
		dn() && (G(n), _n(() => (t === 0 && (r = ir(() => e(() => Ht(n)))), t += 1, () => {
			qe(() => {
				--t, t === 0 && (r?.(), r = void 0, Ht(n));
			});
		})));
	};
}
// node_modules/svelte/src/internal/client/dom/blocks/boundary.js
var Tr = S | C;
function Er(e, t, n, r) {
	new Dr(e, t, n, r);
}
var Dr = class {
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
	#m = wr(() => (this.#p = It(this.#l), () => {
		this.#p = null;
	}));
	constructor(e, t, n, r) {
		this.#e = e, this.#n = t, this.#r = (e) => {
			var t = W;
			t.b = this, t.f |= 128, n(e);
		}, this.parent = W.b, this.transform_error = r ?? this.parent?.transform_error ?? ((e) => e), this.#i = vn(() => {
			if (O) {
				let e = we(this.#t);
				xe();
				let t = e === "[!";
				if (e.startsWith("[?")) {
					let t = JSON.parse(e.slice(2));
					this.#g(t);
				} else t ? this.#y() : this.#h();
			} else this.#b();
		}, Tr), O && (this.#e = k);
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
		qe(r), t && (this.#s = yn(() => {
			t(this.#e, () => e, () => n);
		}));
	}
	#_(e) {
		var t = !1, n = !1;
		let r = () => {
			this.#v() || (t ? ve() : (t = !0, n && ze(), this.#s !== null && En(this.#s, () => {
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
					sn(e, this.#i && this.#i.parent);
				}
			}
		};
	}
	#v() {
		return (this.#i.f & (y | x)) !== 0;
	}
	#y() {
		let e = this.#n.pending;
		e && (this.is_pending = !0, this.#o = yn(() => e(this.#e)), qe(() => {
			if (!this.#v()) {
				var e = this.#c = document.createDocumentFragment(), t = Qt(), n = !1;
				e.append(t), this.#a = this.#S(() => {
					try {
						return yn(() => this.#r(t));
					} catch (e) {
						try {
							this.error(e), n = !0;
						} catch (e) {
							sn(e, this.#i.parent);
						}
						return null;
					}
				}), this.#a === null ? (this.#c = null, n && this.#x(P)) : this.#u === 0 && (this.#e.before(e), this.#c = null, En(this.#o, () => {
					this.#o = null;
				}), this.#x(P));
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
			} else this.#x(P);
		} catch (e) {
			this.error(e);
		}
	}
	#x(e) {
		this.is_pending = !1, e.transfer_reactions(this.#f);
	}
	defer_effect(e) {
		Ze(e, this.#f);
	}
	is_rendered() {
		return !this.is_pending && (!this.parent || this.parent.is_rendered());
	}
	has_pending_snippet() {
		return !!this.#n.pending;
	}
	#S(e) {
		var t = W, n = U, r = j;
		In(this.#i), Fn(this.#i), Be(this.#i.ctx);
		try {
			return Tt.ensure(), e();
		} finally {
			In(t), Fn(n), Be(r);
		}
	}
	#C(e, t) {
		this.has_pending_snippet() ? (this.#u += e, this.#u === 0 && (this.#x(t), this.#o && En(this.#o, () => {
			this.#o = null;
		}), this.#c &&= (this.#e.before(this.#c), null))) : this.parent && this.parent.#C(e, t);
	}
	update_pending_count(e, t) {
		this.#C(e, t), this.#l += e, !this.#p || this.#d || (this.#d = !0, qe(() => {
			this.#d = !1, this.#p && Bt(this.#p, this.#l);
		}));
	}
	get_effect_pending() {
		return this.#m(), G(this.#p);
	}
	error(e) {
		if (e === pe || !this.#n.onerror && !this.#n.failed) throw e;
		P?.is_fork ? (this.#a && P.skip_effect(this.#a), this.#o && P.skip_effect(this.#o), this.#s && P.skip_effect(this.#s), P.oncommit(() => {
			this.#v() || this.#w(e);
		})) : this.#w(e);
	}
	#w(e) {
		this.#a &&= (Cn(this.#a), null), this.#o &&= (Cn(this.#o), null), this.#s &&= (Cn(this.#s), null), O && (be(this.#t), Se(), be(Ce()));
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
					return sn(e, this.#i.parent), null;
				}
			}));
		};
		qe(() => {
			if (!this.#v()) {
				var t;
				try {
					t = this.transform_error(e);
				} catch (e) {
					sn(e, this.#i && this.#i.parent);
					return;
				}
				typeof t == "object" && t && typeof t.then == "function" ? t.then(n, (e) => sn(e, this.#i && this.#i.parent)) : n(t);
			}
		});
	}
};
function Y(e, t) {
	var n = t == null ? "" : typeof t == "object" ? `${t}` : t;
	n !== (e[ue] ??= e.nodeValue) && (e[ue] = n, e.nodeValue = `${n}`);
}
function Or(e, t) {
	return Ar(e, t);
}
var kr = /* @__PURE__ */ new Map();
function Ar(e, { target: t, anchor: n, props: i = {}, events: a, context: o, intro: s = !0, transformError: c }) {
	Zt();
	var l = void 0, u = mn(() => {
		var s = n ?? t.appendChild(Qt());
		Er(s, { pending: () => {} }, (t) => {
			Ve({});
			var n = j;
			if (o && (n.c = o), a && (i.$$events = a), O && yr(t, null), l = e(t, i) || Ue(), O && (W.nodes.end = k, k === null || k.nodeType !== 8 || k.data !== "]")) throw ge(), pe;
			He();
		}, c);
		var u = /* @__PURE__ */ new Set(), d = (e) => {
			for (var n = 0; n < e.length; n++) {
				var r = e[n];
				if (!u.has(r)) {
					u.add(r);
					var i = or(r);
					for (let e of [t, document]) {
						var a = kr.get(e);
						a === void 0 && (a = /* @__PURE__ */ new Map(), kr.set(e, a));
						var o = a.get(r);
						o === void 0 ? (e.addEventListener(r, hr, { passive: i }), a.set(r, 1)) : a.set(r, o + 1);
					}
				}
			}
		};
		return d(r(cr)), lr.add(d), () => {
			for (var e of u) for (let n of [t, document]) {
				var r = kr.get(n), i = r.get(e);
				--i == 0 ? (n.removeEventListener(e, hr), r.delete(e), r.size === 0 && kr.delete(n)) : r.set(e, i);
			}
			lr.delete(d), s !== n && s.parentNode?.removeChild(s);
		};
	});
	return jr.set(l, u), l;
}
var jr = /* @__PURE__ */ new WeakMap(), Mr = class {
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
						An(r, t), t.append(Qt()), this.#n.set(e, {
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
		var n = P, r = nn();
		if (t && !this.#t.has(e) && !this.#n.has(e)) {
			if (r) {
				var i = document.createDocumentFragment(), a = Qt();
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
	O && (r = k, xe());
	var i = new Mr(e), a = n ? S : 0;
	function o(e, t) {
		if (O) {
			var n = we(r);
			if (e !== parseInt(n.substring(1))) {
				var a = Ce();
				be(a), i.anchor = a, ye(!1), i.ensure(e, t), ye(!0);
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
// node_modules/svelte/src/internal/client/dom/blocks/key.js
var Nr = Symbol("NaN");
function Pr(e, t, n) {
	O && xe();
	var r = new Mr(e), i = !We();
	vn(() => {
		var e = t();
		e !== e && (e = Nr), i && typeof e == "object" && e && (e = {}), r.ensure(e, n);
	});
}
// node_modules/svelte/src/internal/client/dom/blocks/each.js
function Z(e, t) {
	return t;
}
function Fr(e, t, n) {
	for (var i = [], a = t.length, o, s = t.length, c = 0; c < a; c++) {
		let n = t[c];
		En(n, () => {
			if (o) {
				if (o.pending.delete(n), o.done.add(n), o.pending.size === 0) {
					var t = e.outrogroups;
					Ir(e, r(o.done)), t.delete(o), t.size === 0 && (e.outrogroups = null);
				}
			} else --s;
		}, !1);
	}
	if (s === 0) {
		var l = i.length === 0 && n !== null && e.pending.size === 0;
		if (l) {
			var u = n, d = u.parentNode;
			tn(d), d.append(u), e.items.clear();
		}
		Ir(e, t, !l);
	} else o = {
		pending: new Set(t),
		done: /* @__PURE__ */ new Set()
	}, (e.outrogroups ??= /* @__PURE__ */ new Set()).add(o);
}
function Ir(e, t, n = !0) {
	var r;
	if (e.pending.size > 0) {
		r = /* @__PURE__ */ new Set();
		for (let t of e.pending.values()) for (let n of t) r.add(e.items.get(n).e);
	}
	for (var i = 0; i < t.length; i++) {
		var a = t[i];
		r?.has(a) ? (a.f |= ee, An(a, document.createDocumentFragment())) : Cn(t[i], n);
	}
}
var Lr;
function Q(t, n, i, a, o, s = null) {
	var c = t, l = /* @__PURE__ */ new Map();
	if (n & 4) {
		var u = t;
		c = O ? be(/* @__PURE__ */ $t(u)) : u.appendChild(Qt());
	}
	O && xe();
	var d = null, f = /* @__PURE__ */ lt(() => {
		var t = i();
		return e(t) ? t : t == null ? [] : r(t);
	}), p = /* @__PURE__ */ new Map(), m = !0;
	function h(e) {
		if (!(_.effect.f & 16384)) {
			_.pending.delete(e);
			var t = G(f);
			_.fallback = d, zr(_, t, c, n, a), d !== null && (t.length === 0 ? d.f & 33554432 ? (d.f ^= ee, Vr(d, null, c)) : On(d) : En(d, () => {
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
			O && we(c) === "[!" != (t === 0) && (c = Ce(), be(c), ye(!1), r = !0);
			for (var u = /* @__PURE__ */ new Set(), _ = P, v = nn(), y = 0; y < t; y += 1) {
				O && k.nodeType === 8 && k.data === "]" && (c = k, r = !0, ye(!1));
				var b = e[y], x = a(b, y), S = m ? null : l.get(x);
				S ? (S.v && Bt(S.v, b), S.i && Bt(S.i, y), v && _.unskip_effect(S.e)) : (S = Br(l, m ? c : Lr ??= Qt(), b, x, y, o, n, i), m || (S.e.f |= ee), l.set(x, S)), u.add(x);
			}
			if (t === 0 && s && !d && (m ? d = yn(() => s(c)) : (d = yn(() => s(Lr ??= Qt())), d.f |= ee)), t > u.size && Ae("", "", ""), O && t > 0 && be(Ce()), !m) {
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
function Rr(e) {
	for (; e !== null && !(e.f & 32);) e = e.next;
	return e;
}
function zr(e, t, n, i, a) {
	var o = !!(i & 8), s = t.length, c = e.items, l = Rr(e.effect.first), u, d = null, f, p = [], m = [], h, g, _, v;
	if (o) for (v = 0; v < s; v += 1) h = t[v], g = a(h, v), _ = c.get(g).e, _.f & 33554432 || (_.nodes?.a?.measure(), (f ??= /* @__PURE__ */ new Set()).add(_));
	for (v = 0; v < s; v += 1) {
		if (h = t[v], g = a(h, v), _ = c.get(g).e, e.outrogroups !== null) for (let t of e.outrogroups) t.pending.delete(_), t.done.delete(_);
		if (_.f & 8192 && (On(_), o && (_.nodes?.a?.unfix(), (f ??= /* @__PURE__ */ new Set()).delete(_))), _.f & 33554432) {
			if (_.f ^= ee, _ === l) Vr(_, null, n);
			else {
				var y = d ? d.next : l;
				_ === e.effect.last && (e.effect.last = _.prev), _.prev && (_.prev.next = _.next), _.next && (_.next.prev = _.prev), Hr(e, d, _), Hr(e, _, y), Vr(_, y, n), d = _, p = [], m = [], l = Rr(d.next);
				continue;
			}
		}
		if (_ !== l) {
			if (u !== void 0 && u.has(_)) {
				if (p.length < m.length) {
					var b = m[0], x;
					d = b.prev;
					var S = p[0], C = p[p.length - 1];
					for (x = 0; x < p.length; x += 1) Vr(p[x], b, n);
					for (x = 0; x < m.length; x += 1) u.delete(m[x]);
					Hr(e, S.prev, C.next), Hr(e, d, S), Hr(e, C, b), l = b, d = C, --v, p = [], m = [];
				} else u.delete(_), Vr(_, l, n), Hr(e, _.prev, _.next), Hr(e, _, d === null ? e.effect.first : d.next), Hr(e, d, _), d = _;
				continue;
			}
			for (p = [], m = []; l !== null && l !== _;) (u ??= /* @__PURE__ */ new Set()).add(l), m.push(l), l = Rr(l.next);
			if (l === null) continue;
		}
		_.f & 33554432 || p.push(_), d = _, l = Rr(_.next);
	}
	if (e.outrogroups !== null) {
		for (let t of e.outrogroups) t.pending.size === 0 && (Ir(e, r(t.done)), e.outrogroups?.delete(t));
		e.outrogroups.size === 0 && (e.outrogroups = null);
	}
	if (l !== null || u !== void 0) {
		var w = [];
		if (u !== void 0) for (_ of u) _.f & 8192 || w.push(_);
		for (; l !== null;) !(l.f & 8192) && l !== e.fallback && w.push(l), l = Rr(l.next);
		var te = w.length;
		if (te > 0) {
			var ne = i & 4 && s === 0 ? n : null;
			if (o) {
				for (v = 0; v < te; v += 1) w[v].nodes?.a?.measure();
				for (v = 0; v < te; v += 1) w[v].nodes?.a?.fix();
			}
			Fr(e, w, ne);
		}
	}
	o && qe(() => {
		if (f !== void 0) for (_ of f) _.nodes?.a?.apply();
	});
}
function Br(e, t, n, r, i, a, o, s) {
	var c = o & 1 ? o & 16 ? It(n) : /* @__PURE__ */ Lt(n, !1, !1) : null, l = o & 2 ? It(i) : null;
	return {
		v: c,
		i: l,
		e: yn(() => (a(t, c ?? n, l ?? i, s), () => {
			e.delete(r);
		}))
	};
}
function Vr(e, t, n) {
	if (e.nodes) for (var r = e.nodes.start, i = e.nodes.end, a = t && !(t.f & 33554432) ? t.nodes.start : n; r !== null;) {
		var o = /* @__PURE__ */ en(r);
		if (a.before(r), r === i) return;
		r = o;
	}
}
function Hr(e, t, n) {
	t === null ? e.effect.first = n : t.next = n, n === null ? e.effect.last = t : n.prev = t;
}
// node_modules/svelte/src/internal/client/dom/css.js
function Ur(e, t) {
	hn(() => {
		e = W?.parent?.nodes?.start ?? e;
		var n = e.getRootNode(), r = n.host ? n : n.head ?? n.ownerDocument.head;
		if (!r.querySelector("#" + t.hash)) {
			let e = rn("style");
			e.id = t.hash, e.textContent = t.code, r.appendChild(e);
		}
	});
}
// node_modules/svelte/src/internal/shared/attributes.js
var Wr = [..." 	\n\r\f\xA0\v﻿"];
function Gr(e, t, n) {
	var r = e == null ? "" : "" + e;
	if (t && (r = r ? r + " " + t : t), n) {
		for (var i of Object.keys(n)) if (n[i]) r = r ? r + " " + i : i;
		else if (r.length) for (var a = i.length, o = 0; (o = r.indexOf(i, o)) >= 0;) {
			var s = o + a;
			(o === 0 || Wr.includes(r[o - 1])) && (s === r.length || Wr.includes(r[s])) ? r = (o === 0 ? "" : r.substring(0, o)) + r.substring(s + 1) : o = s;
		}
	}
	return r === "" ? null : r;
}
function Kr(e, t = !1) {
	var n = t ? " !important;" : ";", r = "";
	for (var i of Object.keys(e)) {
		var a = e[i];
		a != null && a !== "" && (r += " " + i + ": " + a + n);
	}
	return r;
}
function qr(e) {
	return e[0] !== "-" || e[1] !== "-" ? e.toLowerCase() : e;
}
function Jr(e, t) {
	if (t) {
		var n = "", r, i;
		if (Array.isArray(t) ? (r = t[0], i = t[1]) : r = t, e) {
			e = String(e).replaceAll(/\/\*.*?\*\//g, "").trim();
			var a = !1, o = 0, s = !1, c = [];
			r && c.push(...Object.keys(r).map(qr)), i && c.push(...Object.keys(i).map(qr));
			var l = 0, u = -1;
			let t = e.length;
			for (var d = 0; d < t; d++) {
				var f = e[d];
				if (s ? f === "/" && e[d - 1] === "*" && (s = !1) : a ? a === f && (a = !1) : f === "/" && e[d + 1] === "*" ? s = !0 : f === "\"" || f === "'" ? a = f : f === "(" ? o++ : f === ")" && o--, !s && a === !1 && o === 0) {
					if (f === ":" && u === -1) u = d;
					else if (f === ";" || d === t - 1) {
						if (u !== -1) {
							var p = qr(e.substring(l, u).trim());
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
		return r && (n += Kr(r)), i && (n += Kr(i, !0)), n = n.trim(), n === "" ? null : n;
	}
	return e == null ? null : String(e);
}
// node_modules/svelte/src/internal/client/dom/elements/class.js
function Yr(e, t, n, r, i, a) {
	var o = e[ce];
	if (O || o !== n || o === void 0) {
		var s = Gr(n, r, a);
		O && s === e.getAttribute("class") || (s == null ? e.removeAttribute("class") : t ? e.className = s : e.setAttribute("class", s)), e[ce] = n;
	} else if (a && i !== a) for (var c in a) {
		var l = !!a[c];
		(i == null || l !== !!i[c]) && e.classList.toggle(c, l);
	}
	return a;
}
// node_modules/svelte/src/internal/client/dom/elements/style.js
function Xr(e, t = {}, n, r) {
	for (var i in n) {
		var a = n[i];
		t[i] !== a && (n[i] == null ? e.style.removeProperty(i) : e.style.setProperty(i, a, r));
	}
}
function Zr(e, t, n, r) {
	var i = e[le];
	if (O || i !== t) {
		var a = Jr(t, r);
		O && a === e.getAttribute("style") || (a == null ? e.removeAttribute("style") : e.style.cssText = a), e[le] = t;
	} else r && (Array.isArray(r) ? (Xr(e, n?.[0], r[0]), Xr(e, n?.[1], r[1], "important")) : Xr(e, n, r));
	return r;
}
// node_modules/svelte/src/internal/client/dom/elements/bindings/select.js
function Qr(e, t) {
	t ? e.hasAttribute("selected") || e.setAttribute("selected", "") : e.removeAttribute("selected");
}
function $r(t, n) {
	var r = t.__defaultValue, i = t.multiple, a = i ? r ?? [] : null;
	if (!i || e(a)) {
		var o = t.selectedIndex, s = n && i ? new Set(t.selectedOptions) : null;
		for (var c of t.options) {
			var l = ni(c);
			Qr(c, i ? a.includes(l) : Kt(l, r));
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
function ei(t, n, r = !1) {
	if (t.multiple) {
		if (n == null) return;
		if (!e(n)) return _e();
		for (var i of t.options) i.selected = n.includes(ni(i));
	} else {
		for (i of t.options) if (Kt(ni(i), n)) {
			i.selected = !0;
			return;
		}
		r && n === void 0 || (t.selectedIndex = -1);
	}
}
function ti(e) {
	var t = new MutationObserver((t) => {
		t.every(ri) || ("__defaultValue" in e && $r(e, !1), "__value" in e && ei(e, e.__value));
	});
	t.observe(e, {
		childList: !0,
		subtree: !0,
		attributes: !0,
		attributeFilter: ["value"]
	}), fn(() => {
		t.disconnect();
	});
}
function ni(e) {
	return "__value" in e ? e.__value : e.value;
}
function ri(e) {
	if (e.target.closest("selectedcontent") !== null) return !0;
	if (e.type === "childList") {
		var t = [...e.addedNodes, ...e.removedNodes];
		return t.length > 0 && t.every((e) => e.nodeName === "SELECTEDCONTENT");
	}
	return !1;
}
// node_modules/svelte/src/internal/client/dom/elements/attributes.js
var ii = Symbol("is custom element"), ai = Symbol("is html"), oi = fe ? "link" : "LINK";
function si(e) {
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
		e[de] = n, qe(n), $e();
	}
}
function ci(e, t) {
	var n = li(e);
	n.checked !== (n.checked = t ?? void 0) && (e.checked = t);
}
function $(e, t, n, r) {
	var i = li(e);
	if (!(O && (i[t] = e.getAttribute(t), t === "src" || t === "srcset" || t === "href" && e.nodeName === oi))) {
		var a = i[t];
		a !== (i[t] = n) && (t === "loading" && (e[oe] = n), n == null ? e.removeAttribute(t) : typeof n != "string" && di(e).has(t) ? e[t] = n : (!O || typeof n != "number" && typeof n != "boolean" || a !== String(n)) && e.setAttribute(t, n));
	}
}
function li(e) {
	return e[se] ??= {
		[ii]: e.nodeName.includes("-"),
		[ai]: e.namespaceURI === me
	};
}
var ui = /* @__PURE__ */ new Map();
function di(e) {
	var t = e.getAttribute("is") || e.nodeName, n = ui.get(t);
	if (n) return n;
	ui.set(t, n = /* @__PURE__ */ new Set());
	for (var r, i = e, a = Element.prototype; a !== i;) {
		for (var s in r = o(i), r) r[s].set && s !== "innerHTML" && s !== "textContent" && s !== "innerText" && n.add(s);
		i = l(i);
	}
	return n;
}
// node_modules/svelte/src/internal/client/dom/elements/bindings/input.js
function fi(e, t, n = t) {
	var r = /* @__PURE__ */ new WeakSet();
	tt(e, "input", async (i) => {
		var a = i ? e.defaultValue : e.value;
		if (a = mi(e) ? hi(a) : a, n(a), P !== null && r.add(P), await tr(), a !== (a = t())) {
			var o = e.selectionStart, s = e.selectionEnd, c = e.value.length;
			if (e.value = a ?? "", s !== null) {
				var l = e.value.length;
				o === s && s === c && l > c ? (e.selectionStart = l, e.selectionEnd = l) : (e.selectionStart = o, e.selectionEnd = Math.min(s, l));
			}
		}
	}), (O && e.defaultValue !== e.value || ir(t) == null && e.value) && (n(mi(e) ? hi(e.value) : e.value), P !== null && r.add(P)), _n(() => {
		var n = t();
		if (e === document.activeElement) {
			var i = P;
			if (r.has(i)) return;
		}
		mi(e) && n === hi(e.value) || (e.type !== "date" || n || e.value) && n !== e.value && (e.value = n ?? "");
	});
}
function pi(e, t, n = t) {
	tt(e, "change", (t) => {
		n(t ? e.defaultChecked : e.checked);
	}), (O && e.defaultChecked !== e.checked || ir(t) == null) && n(e.checked), _n(() => {
		e.checked = !!t();
	});
}
function mi(e) {
	var t = e.type;
	return t === "number" || t === "range";
}
function hi(e) {
	return e === "" ? null : +e;
}
// node_modules/svelte/src/internal/client/dom/elements/bindings/this.js
function gi(e, t) {
	return e === t || e?.[ie] === t;
}
function _i(e = Ue(), t, n, r) {
	var i = j.r, a = W;
	return hn(() => {
		var o, s;
		return _n(() => {
			o = s, s = r?.() || [], ir(() => {
				gi(n(...s), e) || (t(e, ...s), o && gi(n(...o), e) && t(null, ...o));
			});
		}), () => {
			let r = a;
			for (; r !== i && r.parent !== null && r.parent.f & 33554432;) r = r.parent;
			let o = () => {
				s && gi(n(...s), e) && t(null, ...s);
			}, c = r.teardown;
			r.teardown = () => {
				o(), c?.();
			};
		};
	}), e;
}
// node_modules/svelte/src/internal/client/reactivity/store.js
var vi = !1;
function yi(e) {
	var t = vi;
	try {
		return vi = !1, [e(), vi];
	} finally {
		vi = t;
	}
}
// node_modules/svelte/src/internal/client/reactivity/props.js
function bi(e, t, n, r) {
	var i = !0, o = !!(n & 8), s = !!(n & 16), c = r, l = !0, u = void 0, d = () => s && i ? (u ??= /* @__PURE__ */ ot(r), G(u)) : (l && (l = !1, c = s ? ir(r) : r), c);
	let f;
	if (o) {
		var p = ie in e || ae in e;
		f = a(e, t)?.set ?? (p && t in e ? (n) => e[t] = n : void 0);
	}
	var m, h = !1;
	o ? [m, h] = yi(() => e[t]) : m = e[t], m === void 0 && r !== void 0 && (m = d(), f && (i && Fe(t), f(m)));
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
	var v = !1, y = (n & 1 ? ot : lt)(() => (v = !1, g()));
	o && G(y);
	var b = W;
	return (function(e, t) {
		if (arguments.length > 0) {
			let n = t ? G(y) : i && o ? Wt(e) : e;
			return I(y, n), v = !0, c !== void 0 && (c = n), e;
		}
		return Mn && v || b.f & 16384 ? y.v : G(y);
	});
}
function xi(e) {
	j === null && Oe("onMount"), V(() => {
		let t = ir(e);
		if (typeof t == "function") return t;
	});
}
// node_modules/svelte/src/internal/disclose-version.js
typeof window < "u" && ((window.__svelte ??= {}).v ??= /* @__PURE__ */ new Set()).add("5");
// src/render.ts
var Si = (() => {
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
Si.length;
function Ci(e) {
	let t = [
		1,
		3,
		5
	].map((t) => parseInt(e.slice(t, t + 2), 16) / 255), n = Math.hypot(t[0], t[1], t[2]) || 1;
	return t.map((e) => e / n);
}
function wi(e, t) {
	return t === "pos" ? e > 0 ? e : 0 : t === "neg" ? e < 0 ? -e : 0 : Math.abs(e);
}
function Ti(e, t, n, r, i) {
	let [a, o, s, c] = t.shape, l = t.residual ? c - 1 : c, u = t.steps[n] / t.scale, d = o * s, f = a * d, p = n * d, m = new Float32Array(d), h = new Float32Array(d), g = new Float32Array(d);
	for (let n = 0; n < d; n++) {
		let a = p + n, o = 0, s = 0, c = 0;
		if (i !== "res") for (let n = 0; n < l; n++) {
			if (typeof i == "number" && i !== n) continue;
			let l = wi(e[a + n * f] * u, r);
			if (l === 0) continue;
			let d = t.colors[n];
			o += l * d[0], s += l * d[1], c += l * d[2];
		}
		if (t.residual && (i === "all" || i === "res")) {
			let t = wi(e[a + l * f] * u, r);
			o += t, s += t, c += t;
		}
		m[n] = o, h[n] = s, g[n] = c;
	}
	let _ = new Float32Array(d), v = new Float32Array(d), y = new Float32Array(d);
	for (let e = 0; e < o; e++) for (let t = 0; t < s; t++) {
		let n = e * s + t, r = m[n], i = h[n], a = g[n];
		if (r !== 0 || i !== 0 || a !== 0) for (let { dy: n, dx: c, w: l } of Si) {
			let u = e + n, d = t + c;
			if (u < 0 || u >= o || d < 0 || d >= s) continue;
			let f = u * s + d;
			_[f] += l * r, v[f] += l * i, y[f] += l * a;
		}
	}
	let b = new ImageData(s, o), x = b.data;
	for (let e = 0; e < d; e++) {
		let t = _[e], n = v[e], r = y[e], i = Math.min(1, Math.hypot(t, n, r)), a = i > 0 ? 1 / i : 0;
		x[4 * e] = Math.min(1, t * a) * 255, x[4 * e + 1] = Math.min(1, n * a) * 255, x[4 * e + 2] = Math.min(1, r * a) * 255, x[4 * e + 3] = i * 255;
	}
	return b;
}
function Ei(e) {
	let t = Math.max(...e), n = e.map((e) => Math.exp(e - t)), r = n.reduce((e, t) => e + t, 0);
	return n.map((e) => e / r);
}
var Di = {
	"RIGHT+UP": "↗",
	"LEFT+UP": "↖",
	"RIGHT+DOWN": "↘",
	"LEFT+DOWN": "↙",
	RIGHT: "→",
	LEFT: "←",
	UP: "↑",
	DOWN: "↓"
};
function Oi(e) {
	if (!e.length) return "no-op";
	let t = ["LEFT", "RIGHT"].filter((t) => e.includes(t)).concat(["UP", "DOWN"].filter((t) => e.includes(t))), n = [...t.filter((e) => e === "LEFT" || e === "RIGHT"), ...t.filter((e) => e === "UP" || e === "DOWN")].join("+"), r = e.filter((e) => ![
		"LEFT",
		"RIGHT",
		"UP",
		"DOWN"
	].includes(e)), i = [];
	return n && i.push(Di[n] ?? n), i.push(...r), i.join("+");
}
function ki(e) {
	if (e === void 0 || !isFinite(e)) return "–";
	if (e === 0) return "0";
	let t = Math.floor(Math.log10(Math.abs(e)));
	return t >= -2 && t < 4 ? e.toPrecision(3).replace(/\.?0+$/, (e) => e.includes(".") ? "" : e) : `${(e / 10 ** t).toPrecision(3)}×10^${t}`;
}
// src/cells.ts
function Ai(e) {
	let t = e.fullShape ?? e.obsShape;
	return [t[0], t[1]];
}
var ji = 1500, Mi = /* @__PURE__ */ new Map(), Ni = !1;
function Pi(e) {
	let t = `${e.key}|${e.t}|${e.kind}|${e.mode}|${e.info.colors.join(";")}`, n = Mi.get(t);
	if (n) return Mi.delete(t), Mi.set(t, n), n;
	let r = Ti(e.q, e.info, e.t, e.kind, e.mode);
	return n = document.createElement("canvas"), n.width = r.width, n.height = r.height, n.getContext("2d").putImageData(r, 0, 0), Mi.set(t, n), Mi.size > ji && Mi.delete(Mi.keys().next().value), n;
}
function Fi(e, t) {
	let [n, r] = t.obsShape, [i, a] = Ai(t), o = e.getContext("2d");
	o.imageSmoothingEnabled = !1, o.globalAlpha = 1, o.filter = "none", o.fillStyle = "#000", o.fillRect(0, 0, a, i);
	let s = t.t % t.frameColumns * r, c = Math.floor(t.t / t.frameColumns) * n, l = () => {
		t.full ? o.drawImage(t.full, 0, 0, a, i) : o.drawImage(t.sprite, s, c, r, n, 0, 0, a, i);
	};
	if (t.kind === "obs") {
		l();
		return;
	}
	if (t.overlay && (o.filter = "grayscale(1)", l(), o.filter = "none"), !t.q || !t.info) return;
	let u = Pi(t);
	o.globalAlpha = t.overlay ? .9 : 1, o.drawImage(u, 0, 0, u.width, u.height, 0, 0, a, i), o.globalAlpha = 1, Ni || (Ni = !0, document.body.dataset.firstFrameMs = String(Math.round(performance.now())));
}
// src/AttrCell.svelte
var Ii = /* @__PURE__ */ q("<canvas></canvas>"), Li = {
	hash: "svelte-1bdpcco",
	code: "\n  /* the original's sizes: observation 14em (7/8 of the 16em video), attribution 16em */.cell.svelte-1bdpcco {width:14em;height:14em;image-rendering:pixelated;background:#000;display:block;}.cell.attr.svelte-1bdpcco {width:16em;height:16em;}"
};
function Ri(e, t) {
	Ve(t, !0), Ur(e, Li);
	let n = bi(t, "attr", 3, !1), r = /* @__PURE__ */ F(void 0);
	V(() => {
		G(r) && t.spec && Fi(G(r), t.spec);
	});
	var i = Ii();
	let a;
	_i(i, (e) => I(r, e), () => G(r)), H((e, r) => {
		$(i, "data-testid", t.testid), a = Yr(i, 1, "cell svelte-1bdpcco", null, a, { attr: n() }), $(i, "width", e), $(i, "height", r), $(i, "data-full", t.spec?.full ? "1" : "0");
	}, [() => t.spec ? Ai(t.spec)[1] : 64, () => t.spec ? Ai(t.spec)[0] : 64]), J(e, i), He();
}
// src/Graph.svelte
var zi = /* @__PURE__ */ q("<span class=\"other svelte-gsm5hf\"> </span>"), Bi = /* @__PURE__ */ xr("<line y1=\"0\" y2=\"100\" stroke=\"#ccc\" stroke-width=\"1\" vector-effect=\"non-scaling-stroke\"></line>"), Vi = /* @__PURE__ */ xr("<polyline fill=\"none\" stroke=\"#555\" stroke-width=\"1.2\" stroke-dasharray=\"4 3\" vector-effect=\"non-scaling-stroke\"></polyline>"), Hi = /* @__PURE__ */ xr("<polyline fill=\"none\" stroke-width=\"1.5\" vector-effect=\"non-scaling-stroke\"></polyline>"), Ui = /* @__PURE__ */ q("<div class=\"graph svelte-gsm5hf\"><div class=\"label svelte-gsm5hf\"><span> </span> <!></div> <svg preserveAspectRatio=\"none\" class=\"svelte-gsm5hf\"><!><!><!><line y1=\"0\" y2=\"100\" stroke=\"rgba(0,0,0,0.4)\" stroke-width=\"2\" vector-effect=\"non-scaling-stroke\"></line></svg></div>"), Wi = {
	hash: "svelte-gsm5hf",
	code: ".graph.svelte-gsm5hf {position:relative;margin-top:0.3em;}.label.svelte-gsm5hf {font-size:0.85em;}.other.svelte-gsm5hf {color:#555;}svg.svelte-gsm5hf {width:100%;height:3em;display:block;background:#fafafa;}"
};
function Gi(e, t) {
	Ve(t, !0), Ur(e, Wi);
	let n = bi(t, "other", 3, null), r = bi(t, "otherLabel", 3, ""), i = /* @__PURE__ */ N(() => n() && n().length === t.values.length ? [...t.values, ...n()] : t.values), a = /* @__PURE__ */ N(() => Math.min(...G(i))), o = /* @__PURE__ */ N(() => Math.max(...G(i))), s = (e) => (G(o) > G(a) ? 1 - (e - G(a)) / (G(o) - G(a)) : .5) * 90 + 5;
	function c(e) {
		let n = [], r = [];
		return e.forEach((i, a) => {
			r.push(`${a + .5},${s(i).toFixed(2)}`), (t.dones[a] || a === e.length - 1) && (n.push(r.join(" ")), r = []);
		}), n;
	}
	let l = /* @__PURE__ */ N(() => c(t.values)), u = /* @__PURE__ */ N(() => n() && n().length === t.values.length ? c(n()) : []), d = /* @__PURE__ */ N(() => t.dones.map((e, t) => e ? t + 1 : -1).filter((e) => e > 0));
	var f = Ui(), p = L(f), m = L(p);
	let h;
	var g = z(m, !0), _ = B(m), v = B(_), y = (e) => {
		var i = zi(), a = z(i);
		H((e) => {
			$(i, "data-testid", `${t.testid ?? ""}-other`), Y(a, `(dashed, ${r() ?? ""}: ${e ?? ""})`);
		}, [() => ki(n()[t.frame])]), J(e, i);
	};
	X(v, (e) => {
		G(u).length && e(y);
	}), A(p);
	var b = B(p, 2), x = L(b);
	Q(x, 17, () => G(d), Z, (e, t) => {
		var n = Bi();
		H(() => {
			$(n, "x1", G(t)), $(n, "x2", G(t));
		}), J(e, n);
	});
	var S = B(x);
	Q(S, 17, () => G(u), Z, (e, t) => {
		var n = Vi();
		H(() => $(n, "points", G(t))), J(e, n);
	});
	var C = B(S);
	Q(C, 17, () => G(l), Z, (e, n) => {
		var r = Hi();
		H(() => {
			$(r, "points", G(n)), $(r, "stroke", t.color);
		}), J(e, r);
	});
	var w = B(C);
	A(b), A(f), H((e) => {
		$(f, "data-testid", t.testid), h = Zr(m, "", h, { color: t.color }), Y(g, t.title), Y(_, `: ${e ?? ""} `), $(b, "viewBox", `${t.frame + .5 - t.visible / 2} 0 ${t.visible ?? ""} 100`), $(w, "x1", t.frame + .5), $(w, "x2", t.frame + .5);
	}, [() => ki(t.values[t.frame])]), J(e, f), He();
}
// src/LegendThumb.svelte
var Ki = /* @__PURE__ */ q("<span class=\"thumb svelte-gdfsym\"></span>"), qi = {
	hash: "svelte-gdfsym",
	code: ".thumb.svelte-gdfsym {display:inline-block;width:4.5em;height:4.5em;image-rendering:pixelated;background-color:#888;background-repeat:no-repeat;}"
};
function Ji(e, t) {
	Ve(t, !0), Ur(e, qi);
	let n = /* @__PURE__ */ F("");
	V(() => {
		t.source.image("thumbnails", t.run, t.step, { layer: t.layer }).then((e) => I(n, e.src, !0)).catch(() => I(n, ""));
	});
	var r = Ki();
	let i;
	H(() => i = Zr(r, "", i, {
		"background-image": G(n) ? `url("${G(n)}")` : "none",
		"background-size": `${t.K * 100}% 100%`,
		"background-position": `${t.K > 1 ? t.k / (t.K - 1) * 100 : 0}% 0`
	})), J(e, r), He();
}
// src/TrajScrub.svelte
var Yi = /* @__PURE__ */ q("<img draggable=\"false\"/>"), Xi = /* @__PURE__ */ q("<span></span>"), Zi = {
	hash: "svelte-15x15u3",
	code: ".scrub.svelte-15x15u3 {height:1.6em;width:8em;image-rendering:pixelated;display:block;}.scrub.stretch.svelte-15x15u3 {width:100%;height:100%;}.placeholder.svelte-15x15u3 {background:#ddd;}"
};
function Qi(e, t) {
	Ve(t, !0), Ur(e, Zi);
	let n = bi(t, "stretch", 3, !1), r = /* @__PURE__ */ F("");
	V(() => {
		t.source.image("scrub", t.run, t.step, { traj: t.traj }).then((e) => I(r, e.src, !0)).catch(() => I(r, ""));
	});
	var i = Cr(), a = R(i), o = (e) => {
		var i = Yi();
		let a;
		H(() => {
			$(i, "src", G(r)), $(i, "alt", `trajectory ${t.traj + 1}`), a = Yr(i, 1, "scrub svelte-15x15u3", null, a, { stretch: n() });
		}), J(e, i);
	}, s = (e) => {
		var t = Xi();
		let r;
		H(() => r = Yr(t, 1, "scrub placeholder svelte-15x15u3", null, r, { stretch: n() })), J(e, t);
	};
	X(a, (e) => {
		G(r) ? e(o) : e(s, -1);
	}), J(e, i), He();
}
// src/ipc.ts
function $i(e) {
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
var ea = "p.rl_clarity.";
function ta(e) {
	let t = {};
	for (let [n, r] of e) n === "run" ? t.run = r : n === "step" && /^\d+$/.test(r) ? t.step = Number(r) : n === "layer" ? t.layer = r : n === "traj" && /^\d+$/.test(r) ? t.traj = Number(r) - 1 : n === "frame" && /^\d+$/.test(r) ? t.frame = Number(r) - 1 : n === "rows" ? t.rows = r.split(",").filter(Boolean) : n === "abs" || n === "overlay" || n === "residual" ? t[n] = r === "1" : n === "run_b" ? t.run_b = r : n === "step_b" && /^\d+$/.test(r) ? t.step_b = Number(r) : n === "traj_b" && /^\d+$/.test(r) ? t.traj_b = Number(r) - 1 : n === "frame_b" && /^\d+$/.test(r) && (t.frame_b = Number(r) - 1);
	return t;
}
function na() {
	try {
		return window.parent === window ? "" : window.parent.location.hash;
	} catch {
		return "";
	}
}
function ra() {
	let e = new URLSearchParams(location.hash.slice(1));
	return [...e.keys()].length ? ta([...e.entries()]) : ta([...new URLSearchParams(na().slice(1).replace(/^[^&=]*&?/, "")).entries()].filter(([e]) => e.startsWith(ea)).map(([e, t]) => [e.slice(13), t]));
}
function ia(e) {
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
var aa = !0;
function oa() {
	aa = !1;
}
var sa = null, ca = null;
function la(e) {
	ca = {
		...e,
		rows: [...e.rows]
	}, sa ||= setTimeout(() => {
		sa = null;
		let e = ia(ca);
		try {
			history.replaceState(null, "", "#" + new URLSearchParams(e).toString());
		} catch {}
		try {
			if (aa && window.parent !== window) {
				let t = window.parent.location, n = t.hash.slice(1).split("&")[0] || "rl_clarity", r = new URLSearchParams(t.hash.slice(1).split("&").slice(1).join("&"));
				for (let e of [...r.keys()]) e.startsWith(ea) && r.delete(e);
				for (let [t, n] of e) r.set(ea + t, n);
				window.parent.history.replaceState(window.parent.history.state, "", `#${n}&${r.toString()}`);
			}
		} catch {}
	}, 300);
}
function ua(e, t, n) {
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
function da(e, t, n) {
	let r = Math.abs(e[n].reduce((e, t) => e + t, 0) - t[n]), i = t.reduce((e, t) => e + Math.abs(t), 0) / Math.max(t.length, 1);
	return [r / Math.max(Math.abs(t[n]), 1e-12), r / Math.max(i, 1e-12)];
}
async function fa(e, t, n, r, i) {
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
// src/Evolution.svelte
var pa = /* @__PURE__ */ q("<span class=\"small svelte-1uilgeo\"> </span>"), ma = /* @__PURE__ */ q("<span><!></span>"), ha = /* @__PURE__ */ q("<span class=\"small svelte-1uilgeo\">different probe set: no totals</span>"), ga = /* @__PURE__ */ q("<!> <!> <!>", 1), _a = /* @__PURE__ */ q("<div><span class=\"label svelte-1uilgeo\"> </span> <!></div>"), va = /* @__PURE__ */ xr("<polyline fill=\"none\" stroke-width=\"2\" vector-effect=\"non-scaling-stroke\"><title> </title></polyline>"), ya = /* @__PURE__ */ q("<span> </span>"), ba = /* @__PURE__ */ q("<svg class=\"chart svelte-1uilgeo\" viewBox=\"0 0 100 100\" preserveAspectRatio=\"none\" data-testid=\"evo-chart\"><line x1=\"0\" x2=\"100\" stroke=\"#999\" stroke-width=\"1\" vector-effect=\"non-scaling-stroke\"></line><!></svg> <div class=\"axis svelte-1uilgeo\"></div>", 1), xa = /* @__PURE__ */ q("<div class=\"evolution svelte-1uilgeo\" data-testid=\"evolution\"><h3 class=\"svelte-1uilgeo\">Across checkpoints</h3> <p class=\"small svelte-1uilgeo\"> </p> <div class=\"strip svelte-1uilgeo\"></div> <!></div>"), Sa = {
	hash: "svelte-1uilgeo",
	code: ".evolution.svelte-1uilgeo {margin-top:1em;}h3.svelte-1uilgeo {margin:0.6em 0 0.3em;font-size:1.05em;}.small.svelte-1uilgeo {font-size:0.85em;color:#666;margin:0.2em 0;}.strip.svelte-1uilgeo {display:flex;flex-direction:column;gap:3px;}.row.svelte-1uilgeo {display:flex;align-items:center;gap:3px;}.row.current.svelte-1uilgeo {background:#eef4ff;}.label.svelte-1uilgeo {width:9em;font-size:0.85em;flex:none;}.feat.svelte-1uilgeo {border:3px solid;display:inline-flex;font-size:0.55em;}.feat.unmatched.svelte-1uilgeo {border-style:dashed;}.chart.svelte-1uilgeo {width:100%;height:8em;background:#fafafa;display:block;margin-top:0.4em;}.axis.svelte-1uilgeo {display:flex;justify-content:space-between;font-size:0.75em;color:#666;}"
};
function Ca(e, t) {
	Ve(t, !0), Ur(e, Sa);
	let n = /* @__PURE__ */ F(Wt([])), r = /* @__PURE__ */ N(() => {
		let e = Math.max(0, t.steps.indexOf(t.step)), n = Math.max(0, Math.min(e - 6, t.steps.length - 12));
		return t.steps.slice(n, n + 12);
	});
	V(() => {
		let [e, i, a, o, s, c] = [
			t.run,
			t.step,
			t.layer,
			t.traj,
			t.output,
			G(r)
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
			u && I(n, e, !0);
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
	let o = /* @__PURE__ */ N(() => t.manifest.layers.find((e) => e.name === t.layer)?.features ?? 0), s = /* @__PURE__ */ N(() => {
		let e = [];
		if (G(n).forEach((n, r) => {
			let i = n.unit?.totals?.[t.frame];
			if (i) {
				if (n.step === t.step) for (let t = 0; t < G(o); t++) e.push({
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
		let r = Math.min(0, ...e.map((e) => e.v)), i = Math.max(0, ...e.map((e) => e.v)), a = (e) => i > r ? (1 - (e - r) / (i - r)) * 90 + 5 : 50, s = Math.max(G(n).length - 1, 1), c = (e) => e / s * 96 + 2;
		return {
			lines: Array.from({ length: G(o) }, (t, n) => e.filter((e) => e.i === n).map((e) => ({
				x: c(e.x),
				y: a(e.v),
				v: e.v
			}))),
			zero: a(0),
			X: c
		};
	});
	var c = xa(), l = B(L(c), 2), u = z(l), d = B(l, 2);
	Q(d, 21, () => G(n), (e) => e.step, (e, n) => {
		var r = _a();
		let o;
		var s = L(r), c = z(s), l = B(s, 2), u = (e) => {
			var t = pa(), r = z(t, !0);
			H(() => Y(r, G(n).error)), J(e, t);
		}, d = (e) => {
			var r = ga(), o = R(r);
			Q(o, 17, () => Array(G(n).K), Z, (e, r, o) => {
				let s = /* @__PURE__ */ N(() => i(G(n))[o]);
				var c = ma();
				let l, u;
				Ji(L(c), {
					get source() {
						return t.source;
					},
					get run() {
						return t.run;
					},
					get step() {
						return G(n).step;
					},
					get layer() {
						return t.layer;
					},
					k: o,
					get K() {
						return G(n).K;
					}
				}), A(c), H((e) => {
					l = Yr(c, 1, "feat svelte-1uilgeo", null, l, { unmatched: e }), $(c, "data-testid", `evo-${G(n).step ?? ""}-${o}`), $(c, "data-color", G(s)), u = Zr(c, "", u, { "border-color": G(s) });
				}, [() => a(G(n)).includes(o)]), J(e, c);
			});
			var s = B(o, 2), c = (e) => {
				J(e, ha());
			};
			X(s, (e) => {
				G(n).same || e(c);
			});
			var l = B(s, 2), u = (e) => {
				var t = pa(), r = z(t, !0);
				H(() => Y(r, G(n).match.reason)), J(e, t);
			};
			X(l, (e) => {
				G(n).match && G(n).match.method === null && e(u);
			}), J(e, r);
		};
		X(l, (e) => {
			G(n).error ? e(u) : e(d, -1);
		}), A(r), H(() => {
			o = Yr(r, 1, "row svelte-1uilgeo", null, o, { current: G(n).step === t.step }), $(r, "data-testid", `evo-row-${G(n).step ?? ""}`), Y(c, `step ${G(n).step ?? ""}${G(n).step === t.step ? " (current)" : ""}`);
		}), J(e, r);
	}), A(d);
	var f = B(d, 2), p = (e) => {
		var r = ba(), i = R(r), a = L(i);
		Q(B(a), 17, () => G(s).lines, Z, (e, n, r) => {
			var i = Cr(), a = R(i), o = (e) => {
				var i = va(), a = z(L(i));
				A(i), H((e, n) => {
					$(i, "points", e), $(i, "stroke", t.manifest.feature_colors[r]), Y(a, `feature ${r + 1}: ${n ?? ""}`);
				}, [() => G(n).map((e) => `${e.x},${e.y}`).join(" "), () => G(n).map((e) => ki(e.v)).join(", ")]), J(e, i);
			};
			X(a, (e) => {
				G(n).length && e(o);
			}), J(e, i);
		}), A(i);
		var o = B(i, 2);
		Q(o, 21, () => G(n), Z, (e, t) => {
			var n = ya(), r = z(n, !0);
			H(() => Y(r, G(t).step)), J(e, n);
		}), A(o), H(() => {
			$(a, "y1", G(s).zero), $(a, "y2", G(s).zero);
		}), J(e, r);
	};
	X(f, (e) => {
		G(s) && e(p);
	}), A(c), H(() => Y(u, `Legends of layer ${t.layer ?? ""} by training step, coloured by the match of each feature to
    step ${t.step ?? ""}'s (dashed: no match); the chart follows each feature's total attribution at the current
    frame over the steps analysed on the same probe set.`)), J(e, c), He();
}
// src/App.svelte
var wa = 0, Ta = /* @__PURE__ */ q("<div class=\"error svelte-1n46o8q\" data-testid=\"error\"> </div>"), Ea = /* @__PURE__ */ q("<li><b> </b> </li>"), Da = /* @__PURE__ */ q("<details class=\"problems svelte-1n46o8q\" data-testid=\"problems\"><summary> </summary> <ul></ul></details>"), Oa = /* @__PURE__ */ q("<span class=\"meta svelte-1n46o8q\"> </span>"), ka = /* @__PURE__ */ q("<div class=\"picker pane-head svelte-1n46o8q\"><b data-testid=\"pane-label\"> </b> <!></div>"), Aa = /* @__PURE__ */ q("<option> </option>"), ja = /* @__PURE__ */ q("<button data-testid=\"compare\" title=\"show this analysis beside another run or checkpoint\">compare…</button>"), Ma = /* @__PURE__ */ q("<span class=\"meta svelte-1n46o8q\" data-testid=\"analysis-completeness\" title=\"|sum of IG - (F(a) - F(0))| over the hidden-layer units: divided by |F(a) - F(0)| of each frame (large where F(a) ~ F(0)), and by the mean |F(a) - F(0)| of the frame's trajectory and output\"> </span>"), Na = /* @__PURE__ */ q("<div class=\"picker svelte-1n46o8q\"><label>Run <select data-testid=\"run-select\"></select></label> <label>Checkpoint (training step) <select data-testid=\"step-select\"></select></label> <button data-testid=\"reload\">reload runs</button> <!> <!></div>"), Pa = /* @__PURE__ */ q("<label><input type=\"radio\" class=\"svelte-1n46o8q\"/> <!><span></span></label>"), Fa = /* @__PURE__ */ q("<li><button class=\"link svelte-1n46o8q\"> </button></li>"), Ia = /* @__PURE__ */ q("<p class=\"small svelte-1n46o8q\"> </p> <ul class=\"bookmarks svelte-1n46o8q\"></ul>", 1), La = /* @__PURE__ */ q("<label class=\"layer svelte-1n46o8q\"><input type=\"radio\"/> <span class=\"small svelte-1n46o8q\"> </span></label>"), Ra = /* @__PURE__ */ q("<div class=\"col svelte-1n46o8q\"><h3 class=\"svelte-1n46o8q\">Trajectories</h3> <div class=\"trajs svelte-1n46o8q\"></div> <h3 class=\"svelte-1n46o8q\">Bookmarks</h3> <!></div> <div class=\"col narrow svelte-1n46o8q\"><h3 class=\"svelte-1n46o8q\">Layers</h3> <!></div>", 1), za = /* @__PURE__ */ q("last reward: <b> </b>", 1), Ba = /* @__PURE__ */ q("<b>new episode</b>"), Va = /* @__PURE__ */ q("<div class=\"seg svelte-1n46o8q\"> </div>"), Ha = /* @__PURE__ */ q("<table class=\"display svelte-1n46o8q\"><tbody><tr><td class=\"svelte-1n46o8q\"><!></td><td class=\"svelte-1n46o8q\"><!></td><td data-testid=\"frame-label\" class=\"svelte-1n46o8q\">frame: <b> </b></td><td class=\"svelte-1n46o8q\">policy:</td><td class=\"svelte-1n46o8q\">next action: <b> </b></td></tr></tbody></table> <div class=\"policy svelte-1n46o8q\" data-testid=\"policy\"></div>", 1), Ua = /* @__PURE__ */ q("<button data-testid=\"pause\">&#10074;&#10074;</button>"), Wa = /* @__PURE__ */ q("<button data-testid=\"play-back\" title=\"play backwards\">&#9664;</button>"), Ga = /* @__PURE__ */ q("<button data-testid=\"play\" title=\"play\">&#9654;</button>"), Ka = /* @__PURE__ */ q("<!> <!>", 1), qa = /* @__PURE__ */ q("<label class=\"svelte-1n46o8q\"><input type=\"checkbox\" data-testid=\"toggle-residual\"/> show residual feature</label>"), Ja = /* @__PURE__ */ q("<label class=\"svelte-1n46o8q\"><input type=\"checkbox\" data-testid=\"toggle-hires\"/> </label>"), Ya = /* @__PURE__ */ q("<th class=\"svelte-1n46o8q\"> </th>"), Xa = /* @__PURE__ */ q("<th class=\"svelte-1n46o8q\"> </th><th class=\"svelte-1n46o8q\"> </th>", 1), Za = /* @__PURE__ */ q("<button>remove row</button>"), Qa = /* @__PURE__ */ q("<div class=\"small svelte-1n46o8q\" data-testid=\"completeness\" title=\"|sum of attribution - (F(a) - F(0))| at this frame, divided by |F(a) - F(0)| of this frame, and by the mean |F(a) - F(0)| over the trajectory (robust where F(a) ~ F(0))\"> </div>"), $a = /* @__PURE__ */ q("<div></div>"), eo = /* @__PURE__ */ q("<div class=\"chart svelte-1n46o8q\"><div class=\"zero svelte-1n46o8q\"></div> <!></div>"), to = /* @__PURE__ */ q("<td class=\"svelte-1n46o8q\"><!></td>"), no = /* @__PURE__ */ q("<tr><td class=\"selector svelte-1n46o8q\"><select class=\"svelte-1n46o8q\"><option>value function</option><optgroup label=\"policy logits:\"></optgroup><optgroup label=\"sums of policy logits:\"></optgroup></select> <!> <!></td><td class=\"svelte-1n46o8q\"><!> <!></td><!></tr>"), ro = /* @__PURE__ */ q("<li><span class=\"swatch svelte-1n46o8q\"></span> </li>"), io = /* @__PURE__ */ q("<p class=\"small svelte-1n46o8q\">Colors correspond to input channels:</p> <ul class=\"small channels svelte-1n46o8q\" data-testid=\"input-channels\"></ul>", 1), ao = /* @__PURE__ */ q("<p class=\"small svelte-1n46o8q\">Colors correspond to input colors</p>"), oo = /* @__PURE__ */ q("<span class=\"small svelte-1n46o8q\">unmatched</span>"), so = /* @__PURE__ */ q("<button class=\"item svelte-1n46o8q\"><span></span> <!> <!></button>"), co = /* @__PURE__ */ q("<span class=\"small svelte-1n46o8q\">not shown</span>"), lo = /* @__PURE__ */ q("<p class=\"small svelte-1n46o8q\">Hover to isolate, click to expand feature</p> <div class=\"legend svelte-1n46o8q\"><!> <button class=\"item svelte-1n46o8q\" data-testid=\"legend-residual\"><span></span> residual (everything else)<!></button></div>", 1), uo = /* @__PURE__ */ q("<span data-testid=\"popup-full-note\"> </span>"), fo = /* @__PURE__ */ q("<canvas data-testid=\"popup-observation\" class=\"svelte-1n46o8q\"></canvas>"), po = /* @__PURE__ */ q("<img data-testid=\"popup-image\" draggable=\"false\" class=\"svelte-1n46o8q\"/>"), mo = /* @__PURE__ */ q("<div class=\"popup svelte-1n46o8q\" data-testid=\"feature-popup\" role=\"dialog\" tabindex=\"-1\"><div class=\"popup-head svelte-1n46o8q\"><b> </b> <button data-testid=\"popup-close\">close</button></div> <p class=\"small svelte-1n46o8q\">Dataset examples by spatial position. Press to view example, scroll to zoom. <!></p> <div class=\"sliders svelte-1n46o8q\"><label class=\"svelte-1n46o8q\">zoom in <input data-testid=\"zoom-slider\" type=\"range\" min=\"0\"/> zoom out</label> <label class=\"svelte-1n46o8q\">fewer patches <input data-testid=\"patches-slider\" type=\"range\" min=\"0\"/> more patches</label></div> <div class=\"popup-view svelte-1n46o8q\" role=\"button\" tabindex=\"0\" aria-label=\"press to view the example\"><!></div></div>"), ho = /* @__PURE__ */ q("<div class=\"columns svelte-1n46o8q\"><!> <div class=\"col wide svelte-1n46o8q\"><h3 class=\"svelte-1n46o8q\">Timeline</h3> <!> <div class=\"navigator svelte-1n46o8q\"><button data-testid=\"step-back\" title=\"step back\">&#8592;</button> <button data-testid=\"first\" title=\"first frame\">&#10074;&#9664;</button> <!> <!> <button data-testid=\"last\" title=\"last frame\">&#9654;&#10074;</button> <button data-testid=\"step-forward\" title=\"step forward\">&#8594;</button> <label>fps <input data-testid=\"fps\" type=\"number\" min=\"0\" max=\"100\" class=\"svelte-1n46o8q\"/></label></div> <div class=\"scrubber svelte-1n46o8q\" data-testid=\"scrubber\" role=\"slider\" tabindex=\"-1\"><div class=\"pointer svelte-1n46o8q\"></div> <div class=\"tape svelte-1n46o8q\"><!></div> <div class=\"centre svelte-1n46o8q\"></div></div> <!> <h3 class=\"svelte-1n46o8q\"> </h3> <div class=\"toggles svelte-1n46o8q\"><label class=\"svelte-1n46o8q\"><input type=\"checkbox\" data-testid=\"toggle-overlay\"/> overlay on observations</label> <label class=\"svelte-1n46o8q\"><input type=\"checkbox\" data-testid=\"toggle-abs\"/> </label> <!> <!></div> <table class=\"attr svelte-1n46o8q\"><thead><tr><th class=\"svelte-1n46o8q\"></th><th class=\"svelte-1n46o8q\">Observation</th><!></tr></thead><tbody></tbody></table> <button data-testid=\"add-row\">add row</button> <!></div> <div class=\"col svelte-1n46o8q\"><h3 class=\"svelte-1n46o8q\"> </h3> <!> <h3 class=\"svelte-1n46o8q\">Hotkeys</h3> <ul class=\"small hotkeys svelte-1n46o8q\"><li>&#8592; go backwards</li><li>&#8594; go forwards</li><li>space: toggle play/pause</li></ul></div></div> <!>", 1), go = /* @__PURE__ */ q("<div><!> <!> <!> <!></div>"), _o = {
	hash: "svelte-1n46o8q",
	code: ".app.svelte-1n46o8q {font:13px/1.4 system-ui, sans-serif;color:#222;padding:8px;}h3.svelte-1n46o8q {margin:0.6em 0 0.3em;font-size:1.05em;}.small.svelte-1n46o8q {font-size:0.85em;color:#666;margin:0.2em 0;}.picker.svelte-1n46o8q {display:flex;gap:1em;align-items:center;flex-wrap:wrap;margin-bottom:0.5em;}.meta.svelte-1n46o8q {color:#666;}.error.svelte-1n46o8q {background:#fde2e1;border:1px solid #d33;padding:0.4em;margin-bottom:0.5em;white-space:pre-wrap;}.problems.svelte-1n46o8q {background:#fff6d6;border:1px solid #e0b400;padding:0.3em 0.5em;margin-bottom:0.5em;}.columns.svelte-1n46o8q {display:flex;gap:1.2em;align-items:flex-start;}.col.svelte-1n46o8q {min-width:10em;}.col.narrow.svelte-1n46o8q {min-width:6em;}.col.wide.svelte-1n46o8q {flex:none;min-width:48em;}.trajs.svelte-1n46o8q {display:flex;flex-direction:column;gap:2px;max-height:24em;overflow-y:auto;}.traj.svelte-1n46o8q {display:flex;align-items:center;gap:0.3em;cursor:pointer;padding:1px;}.traj.selected.svelte-1n46o8q {outline:2px solid #1f6fd1;}.traj.svelte-1n46o8q input:where(.svelte-1n46o8q) {display:none;}.bookmarks.svelte-1n46o8q {list-style:none;padding:0;margin:0 0 0.5em;}.link.svelte-1n46o8q {background:none;border:none;color:#1f6fd1;cursor:pointer;padding:0;text-decoration:underline;font:inherit;}.layer.svelte-1n46o8q {display:block;cursor:pointer;}.display.svelte-1n46o8q td:where(.svelte-1n46o8q) {padding-right:1em;color:#1f3fa0;}.policy.svelte-1n46o8q {display:flex;height:1.4em;width:100%;border:1px solid #ccc;overflow:hidden;}.seg.svelte-1n46o8q {font-size:0.8em;text-align:center;overflow:hidden;white-space:nowrap;}.navigator.svelte-1n46o8q {display:flex;gap:0.3em;align-items:center;margin:0.4em 0;width:24em;}.navigator.svelte-1n46o8q input:where(.svelte-1n46o8q) {width:3.5em;}.scrubber.svelte-1n46o8q {position:relative;height:4em;overflow:hidden;background:#eee;cursor:grab;user-select:none;}.tape.svelte-1n46o8q {position:absolute;top:0;bottom:0;}.centre.svelte-1n46o8q {position:absolute;left:calc(50% - 4px);width:2px;top:0;bottom:0;background:rgba(0,0,0,0.4);border-left:3px solid rgba(0,0,0,0.1);border-right:3px solid rgba(0,0,0,0.1);}.pointer.svelte-1n46o8q {position:absolute;left:calc(50% - 5px);top:0;border:5px solid transparent;border-top-color:#000;z-index:1;}.toggles.svelte-1n46o8q label:where(.svelte-1n46o8q) {display:block;}.attr.svelte-1n46o8q th:where(.svelte-1n46o8q) {font-weight:normal;color:#555;text-align:left;}.attr.svelte-1n46o8q td:where(.svelte-1n46o8q) {vertical-align:top;padding:2px;}.selector.svelte-1n46o8q {width:10em;}.selector.svelte-1n46o8q select:where(.svelte-1n46o8q) {max-width:10em;}.chart.svelte-1n46o8q {position:relative;height:3.5em;width:14em;background:#f4f4f4;margin-top:2px;}.chart.svelte-1n46o8q .zero:where(.svelte-1n46o8q) {position:absolute;left:0;right:0;height:1px;background:#888;}.chart.svelte-1n46o8q .bar:where(.svelte-1n46o8q) {position:absolute;}.chart.svelte-1n46o8q .bar.res:where(.svelte-1n46o8q) {outline:1px solid #888;}.chart.svelte-1n46o8q .bar.dashed:where(.svelte-1n46o8q) {outline:1px dashed #888;}.legend.svelte-1n46o8q {display:flex;flex-direction:column;gap:4px;}.item.svelte-1n46o8q {display:flex;align-items:center;gap:0.4em;cursor:pointer;background:none;border:1px solid transparent;padding:2px;font:inherit;text-align:left;}.item.svelte-1n46o8q:hover {border-color:#999;}.disc.unmatched.svelte-1n46o8q {outline:2px dashed #555;outline-offset:1px;}.pane-head.svelte-1n46o8q {background:#f3f3f3;padding:2px 6px;}.compact.svelte-1n46o8q .col.wide:where(.svelte-1n46o8q) {min-width:31em;}.compact.svelte-1n46o8q .columns:where(.svelte-1n46o8q) {gap:0.6em;}.compact.svelte-1n46o8q .cell {width:10em;height:10em;}.compact.svelte-1n46o8q .cell.attr {width:11.4em;height:11.4em;}.channels.svelte-1n46o8q {list-style:none;padding:0;}.swatch.svelte-1n46o8q {display:inline-block;width:0.9em;height:0.9em;margin-right:0.4em;vertical-align:middle;border:1px solid #888;}.disc.svelte-1n46o8q {display:inline-flex;width:1.6em;height:1.6em;border-radius:50%;align-items:center;justify-content:center;font-weight:bold;color:#000;flex:none;}.resdisc.svelte-1n46o8q {background:#fff;border:2px solid #888;}.resdisc.dashed.svelte-1n46o8q {border-style:dashed;}.hotkeys.svelte-1n46o8q {padding-left:1.2em;}.popup.svelte-1n46o8q {position:fixed;top:2em;left:50%;transform:translateX(-50%);width:40em;background:#fff;border:1px solid #888;box-shadow:0 4px 24px rgba(0,0,0,0.3);padding:0.8em;z-index:10;}.popup-head.svelte-1n46o8q {display:flex;justify-content:space-between;}.sliders.svelte-1n46o8q label:where(.svelte-1n46o8q) {display:block;}.popup-view.svelte-1n46o8q {width:36em;height:36em;margin:0 auto;background:repeating-conic-gradient(#ddd 0 25%, #fff 0 50%) 0 0 / 16px 16px;cursor:pointer;}.popup-view.svelte-1n46o8q img:where(.svelte-1n46o8q), .popup-view.svelte-1n46o8q canvas:where(.svelte-1n46o8q) {width:100%;height:100%;image-rendering:pixelated;display:block;opacity:0.999;}"
};
function vo(e, t) {
	Ve(t, !0), Ur(e, _o);
	let n = bi(t, "pane", 3, null), r = bi(t, "nav", 7, null), i = bi(t, "hotkeys", 3, !0), a = bi(t, "featureColors", 3, null), o = bi(t, "unmatched", 19, () => []), s = bi(t, "other", 3, null), c = bi(t, "seriesOut", 15, null), l = bi(t, "label", 3, ""), u = bi(t, "start", 3, null), d = bi(t, "view", 15, null), f = bi(t, "onCompare", 3, null), p = bi(t, "secondary", 3, !1), h = ++wa, g = {
		advantage: "#1f6fd1",
		value: "#1a9641",
		logit: "#d7301f",
		group: "#f08a00"
	}, _ = /* @__PURE__ */ F(Wt([])), v = /* @__PURE__ */ F(Wt([])), y = /* @__PURE__ */ F(""), b = /* @__PURE__ */ F(-1), x = /* @__PURE__ */ F(null), S = /* @__PURE__ */ F(0), C = /* @__PURE__ */ F(0), w = /* @__PURE__ */ F(""), ee = /* @__PURE__ */ F(Wt(["v"])), te = /* @__PURE__ */ F(!1), ne = /* @__PURE__ */ F(!0), re = /* @__PURE__ */ F(!1), ie = /* @__PURE__ */ F(null), T = /* @__PURE__ */ F(0), ae = /* @__PURE__ */ F(12), oe = 1, se = /* @__PURE__ */ F(null), ce = /* @__PURE__ */ F(0), le = /* @__PURE__ */ F(0), ue = /* @__PURE__ */ F(null), de = /* @__PURE__ */ F(""), E = /* @__PURE__ */ F(null), fe = /* @__PURE__ */ F(null), pe = /* @__PURE__ */ F(Wt({})), D = ra(), me = /* @__PURE__ */ F(0), he = /* @__PURE__ */ N(() => G(x) ? G(x).probe_set.steps : 0), ge = /* @__PURE__ */ N(() => G(x) ? G(x).probe_set.trajectories : 0), _e = /* @__PURE__ */ N(() => G(x)?.layers.find((e) => e.name === G(w))), ve = /* @__PURE__ */ N(() => G(_e)?.kind === "input"), O = /* @__PURE__ */ N(() => G(_e)?.channels?.length ? G(_e).channels : [
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
	]), ye = /* @__PURE__ */ N(() => G(_e) ? G(ve) ? G(O).length : G(_e).features : 0), k = /* @__PURE__ */ N(() => a() ?? G(x)?.feature_colors ?? []), be = /* @__PURE__ */ N(() => G(ve) ? G(O).map((e) => Ci(e.color)) : G(k).map(Ci)), xe = /* @__PURE__ */ N(() => G(ie) ?? (G(re) && !G(ve) ? "all" : "prin")), Ce = /* @__PURE__ */ N(() => G(te) ? ["abs"] : ["pos", "neg"]), we = /* @__PURE__ */ N(() => (G(x)?.action_combos ?? []).map(Oi)), Te = /* @__PURE__ */ N(() => G(ee).flatMap((e, t) => e === null ? [] : [{
		key: e,
		i: t
	}])), Ee = /* @__PURE__ */ N(() => G(_).find((e) => e.run === G(y))?.steps ?? []);
	function De(e) {
		return `${G(y)}\u0000${G(b)}\u0000${G(w)}\u0000${G(S)}\u0000${e}`;
	}
	function Oe(e, t) {
		return Math.round((.75 * (t > 1 ? e / (t - 1) : 0) + .1875) * 255);
	}
	function ke(e) {
		return e == null || !isFinite(e) ? "–" : `${(e * 100).toFixed(2)}%`;
	}
	function Ae(e) {
		let t = G(x)?.outputs.find((t) => t.key === e);
		if (!t) return e;
		if (t.kind === "v") return "value function";
		if (t.kind === "logit") return `${G(we)[t.index] ?? t.index} logit`;
		let n = G(x).action_groups[t.index];
		return `[ ${t.actions.map((e) => G(we)[e] ?? e).join(" | ")} ] logit sum` + (n ? ` (${n.name})` : "");
	}
	function je(e, t = G(E)) {
		let n = G(x)?.outputs.find((t) => t.key === e);
		return !n || !t ? [] : n.kind === "v" ? t.values : t.logits.map((e) => n.actions.reduce((t, n) => t + e[n], 0));
	}
	async function Me(e = !1) {
		try {
			let n = await t.source.runs(e);
			if (I(_, n.runs, !0), I(v, n.problems, !0), !G(_).length) {
				I(de, G(v).length ? "" : "No RL Clarity analysis in this logdir yet: run 'rl-clarity analyze CHECKPOINT --logdir LOGDIR'.", !0);
				return;
			}
			let r = G(_).find((e) => e.run === (G(y) || D.run)) ?? G(_)[0], i = G(b) >= 0 ? G(b) : D.step, a = r.steps.includes(i) ? i : r.steps[r.steps.length - 1];
			(r.run !== G(y) || a !== G(b)) && await Ne(r.run, a);
		} catch (e) {
			I(de, String(e), !0);
		}
	}
	async function Ne(e, n) {
		try {
			I(de, ""), I(T, 0);
			let r = await t.source.manifest(e, n), i = G(x) !== null;
			I(y, e, !0), I(b, n, !0), I(x, r, !0), I(pe, {}, !0);
			let a = r.layers.map((e) => e.name), o = D;
			D = {}, a.includes(G(w)) || I(w, o.layer && a.includes(o.layer) ? o.layer : r.default_layer, !0);
			let s = r.outputs.map((e) => e.key), c = (o.rows ?? G(ee)).filter((e) => e === null || s.includes(e));
			I(ee, c.length ? c : ["v"], !0), o.abs !== void 0 && I(te, o.abs, !0), o.overlay !== void 0 && I(ne, o.overlay, !0), o.residual !== void 0 && I(re, o.residual, !0), I(S, Math.min(Math.max(o.traj ?? G(S), 0), r.probe_set.trajectories - 1), !0), I(C, Math.min(Math.max(o.frame ?? (i ? G(C) : 0), 0), r.probe_set.steps - 1), !0), I(ce, Math.max(0, r.features.expand_mults.indexOf(r.features.expand_default)), !0), I(le, Math.max(0, r.features.subdiv_mults.indexOf(r.features.subdiv_default)), !0);
		} catch (e) {
			I(de, String(e), !0);
		}
	}
	V(() => {
		if (!G(x)) return;
		let [e, n, r] = [
			G(y),
			G(b),
			G(S)
		];
		Promise.all([t.source.series(e, n, r), t.source.image("frames", e, n, { traj: r })]).then(([t, i]) => {
			e === G(y) && n === G(b) && r === G(S) && (I(E, t, !0), c(t), I(fe, i, !0));
		}).catch((e) => I(de, String(e), !0));
	}), V(() => {
		if (!G(x) || !G(w)) return;
		let e = new Set(G(Te).map(({ key: e }) => De(e)));
		ir(() => {
			for (let t of Object.keys(G(pe))) e.has(t) || delete G(pe)[t];
		});
		for (let { key: e } of G(Te)) {
			let n = De(e);
			if (G(pe)[n]) continue;
			let [r, i, a, o] = [
				G(y),
				G(b),
				G(w),
				G(S)
			];
			Promise.all([t.source.unit(r, i, a, o, e), t.source.attribution(r, i, a, o, e)]).then(([t, r]) => {
				De(e) === n && (G(pe)[n] = {
					unit: t,
					q: r
				});
			}).catch((e) => I(de, String(e), !0));
		}
	});
	let Pe = /* @__PURE__ */ F(!0), Fe = /* @__PURE__ */ F(null), Ie = /* @__PURE__ */ N(() => !!G(x)?.full_resolution), Le = /* @__PURE__ */ N(() => `${G(y)}\u0000${G(b)}\u0000${G(S)}\u0000${G(C)}`);
	V(() => {
		if (!G(Ie) || !G(Pe)) return;
		let [e, n, r, i, a] = [
			G(y),
			G(b),
			G(S),
			G(C),
			G(Le)
		];
		t.source.fullFrame(e, n, {
			traj: r,
			frame: i
		}).then((e) => {
			G(Le) === a && I(Fe, {
				key: a,
				img: e
			}, !0);
		}).catch((e) => I(de, String(e), !0));
		for (let a = 1; a <= 3; a++) i + a < G(he) && t.source.fullFrame(e, n, {
			traj: r,
			frame: i + a
		}).catch(() => {});
	});
	function Re(e, t) {
		if (!G(x) || !G(fe)) return null;
		let n = G(Ie) && G(Pe), r = {
			sprite: G(fe),
			frameColumns: G(x).assets.frame_columns,
			obsShape: G(x).probe_set.observation_shape,
			t: G(C),
			kind: t,
			overlay: G(ne),
			fullShape: n ? G(x).full_resolution.shape : null,
			full: n && G(Fe)?.key === G(Le) ? G(Fe).img : null
		};
		if (t === "obs" || e === null) return r;
		let i = G(pe)[De(e)];
		if (!i) return r;
		let a = {
			shape: i.unit.shape,
			residual: !G(ve),
			colors: G(be),
			steps: i.unit.steps,
			scale: i.unit.scale
		};
		return {
			...r,
			q: i.q,
			info: a,
			mode: G(xe),
			key: De(e)
		};
	}
	function ze(e) {
		I(C, Math.min(Math.max(Math.round(e), 0), Math.max(G(he) - 1, 0)), !0);
	}
	function j(e) {
		I(T, 0), oe = e, ze(G(C) + e);
	}
	let Be = 0;
	function Ue(e) {
		Be = 0, oe = e, I(T, e, !0);
	}
	V(() => {
		if (!G(T)) return;
		let e = Math.max(Math.min(Number(G(ae)) || 0, 100), 0), t = G(C) + G(T), n = G(he), r = e > 0 ? 1e3 / e : 1e3, i = performance.now();
		Be = Be && i - Be < r ? Be + r : i + r;
		let a = setTimeout(() => {
			t < 0 || t >= n ? I(T, 0) : I(C, t);
		}, Math.max(0, Be - i));
		return () => clearTimeout(a);
	});
	function We(e) {
		if (!i()) return;
		let t = e.target;
		if (!(t?.tagName === "SELECT" || t?.tagName === "INPUT" && !["radio", "checkbox"].includes(t.type))) {
			if (e.key === "ArrowLeft" || e.key === "ArrowRight") {
				let t = e.key === "ArrowLeft" ? -1 : 1;
				G(T) ? Ue(t) : j(t), e.preventDefault();
			} else e.key === " " && (G(T) ? I(T, 0) : Ue(oe), e.preventDefault());
		}
	}
	let Ge = null;
	function Ke(e) {
		e.button === 0 && (I(T, 0), Ge = {
			x: e.clientX,
			frame: G(C),
			width: e.currentTarget.clientWidth
		}, e.preventDefault());
	}
	function qe(e) {
		Ge && (e.buttons & 1 ? ze(Ge.frame + (Ge.x - e.clientX) / Ge.width * Math.min(256, G(he))) : Ge = null);
	}
	let Je = /* @__PURE__ */ N(() => Math.min(256, Math.max(G(he), 1)));
	function Ye() {
		let e = [...G(ee)].reverse().find((e) => e !== null) ?? "v";
		I(ee, [...G(ee), e], !0);
	}
	function M(e) {
		I(ee, G(ee).map((t, n) => n === e ? null : t), !0);
	}
	let Xe = /* @__PURE__ */ F(null), Ze = /* @__PURE__ */ F(null), Qe = /* @__PURE__ */ F(void 0), $e = /* @__PURE__ */ N(() => G(se) ? `${G(y)}\u0000${G(b)}\u0000${G(w)}\u0000${G(se).feature}\u0000${G(le)}\u0000${G(ce)}` : "");
	V(() => {
		if (!G(se) || !G(x)) return;
		let e = G(x).features, n = {
			layer: G(w),
			feature: G(se).feature,
			subdiv: String(e.subdiv_mults[G(le)]),
			expand: String(e.expand_mults[G(ce)])
		}, [r, i, a, o, s] = [
			G(y),
			G(b),
			G($e),
			G(x),
			G(Ie) && G(Pe)
		];
		t.source.image("feature", r, i, n).then(async (e) => {
			if (G($e) !== a || (I(Xe, e, !0), !s)) return;
			let c = await fa(e, await t.source.featureGrid(r, i, n.layer, n.feature, Number(n.subdiv), Number(n.expand)), o.probe_set.observation_shape, o.full_resolution.shape, (e) => t.source.fullFrame(r, i, { obs: e }));
			G($e) === a && I(Ze, {
				key: a,
				src: c
			}, !0);
		}).catch((e) => I(de, String(e), !0));
	});
	let et = /* @__PURE__ */ N(() => G(Ie) && G(Pe) && G(Ze)?.key === G($e) && G(Ze).src ? G(Ze).src : G(Xe)?.src ?? ""), tt = 0;
	function nt(e) {
		e.preventDefault();
		let t = performance.now();
		if (t - tt < 100 || !G(x)) return;
		tt = t;
		let n = G(x).features.expand_mults.length;
		I(ce, Math.min(Math.max(G(ce) + Math.sign(e.deltaY), 0), n - 1), !0);
	}
	let rt = 0, it = 0;
	async function at(e) {
		if (e.button !== 0 || !G(se) || !G(x)) return;
		let n = ++it;
		rt = n;
		let r = e.currentTarget.getBoundingClientRect(), i = G(x).features, a = await t.source.featureGrid(G(y), G(b), G(w), G(se).feature, i.subdiv_mults[G(le)], i.expand_mults[G(ce)]), o = Math.min(a.cols - 1, Math.floor((e.clientX - r.left) / r.width * a.cols)), s = Math.min(a.rows - 1, Math.floor((e.clientY - r.top) / r.height * a.rows));
		rt === n && I(ue, a.indices[s * a.cols + o], !0);
	}
	V(() => {
		if (G(ue) === null || !G(x) || !G(Qe)) return;
		let e = G(x).assets, [n, r] = G(x).probe_set.observation_shape, i = G(ue), a = Math.floor(i / e.sheet_size), o = i % e.sheet_size, s = G(Qe);
		G(Ie) && G(Pe) ? t.source.fullFrame(G(y), G(b), { obs: i }).then((e) => {
			s.getContext("2d").drawImage(e, 0, 0, s.width, s.height);
		}).catch((e) => I(de, String(e), !0)) : t.source.image("observations", G(y), G(b), { sheet: a }).then((t) => {
			let i = s.getContext("2d");
			i.imageSmoothingEnabled = !1, i.drawImage(t, o % e.sheet_columns * r, Math.floor(o / e.sheet_columns) * n, r, n, 0, 0, r, n);
		});
	});
	function ot(e) {
		if (!e?.totals) return null;
		let t = e.totals, n = t.map((e) => Math.max(...e)), r = t.map((e) => Math.min(...e)), i = (e, t) => [...e].sort((e, t) => e - t)[Math.floor(t * (e.length - 1))], a = Math.max(0, i(n, .9), Math.max(...n) / 5), o = Math.min(0, i(r, .1), Math.min(...r) / 5), s = a - o || 1, c = t[G(C)] ?? [], l = a / s * 100;
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
			zero: l
		};
	}
	V(() => {
		if (!r() || !G(x)) return;
		let [e, t, n] = [
			r().traj,
			r().frame,
			r().layer
		];
		ir(() => {
			e !== G(S) && e >= 0 && e < G(ge) && I(S, e, !0), t !== G(C) && t >= 0 && t < G(he) && I(C, t, !0), n && n !== G(w) && G(x).layers.some((e) => e.name === n) && I(w, n, !0);
		});
	}), V(() => {
		if (!r() || !G(x)) return;
		let [e, t, n] = [
			G(S),
			G(C),
			G(w)
		];
		ir(() => {
			r().traj !== e && (r().traj = e), r().frame !== t && (r().frame = t), r().layer !== n && (r().layer = n);
		});
	}), V(() => {
		G(x) && d({
			run: G(y),
			step: G(b),
			layer: G(w),
			traj: G(S),
			frame: G(C)
		});
	}), V(() => {
		G(x) && !n() && la({
			run: G(y),
			step: G(b),
			layer: G(w),
			traj: G(S),
			frame: G(C),
			rows: G(Te).map((e) => e.key),
			abs: G(te),
			overlay: G(ne),
			residual: G(re)
		});
	}), xi(() => {
		if (n()) {
			I(_, [{
				run: n().run,
				steps: [n().step]
			}], !0), D = r() ? {
				traj: r().traj,
				frame: r().frame,
				layer: r().layer
			} : u() ?? {}, Ne(n().run, n().step);
			return;
		}
		Me();
		let e = t.source.embedded;
		e && oa();
		let i = e ? () => {} : $i(() => {
			I(me, G(me) + 1), Me(!0);
		});
		return window.rlClarity = {
			setFrame(e) {
				return I(C, e, !0), Et(), G(C);
			},
			state: () => ({
				run: G(y),
				step: G(b),
				layer: G(w),
				traj: G(S),
				frame: G(C),
				rows: G(ee),
				playing: G(T)
			})
		}, i;
	});
	var st = go();
	dr("keydown", qt, We), dr("mousemove", qt, qe), dr("mouseup", qt, () => {
		Ge = null, rt = 0, I(ue, null);
	}), dr("click", qt, () => I(se, null));
	let ct;
	var lt = L(st), ut = (e) => {
		var t = Ta(), n = z(t, !0);
		H(() => Y(n, G(de))), J(e, t);
	};
	X(lt, (e) => {
		G(de) && e(ut);
	});
	var dt = B(lt, 2), ft = (e) => {
		var t = Da(), n = L(t), r = z(n), i = B(n, 2);
		Q(i, 21, () => G(v), Z, (e, t) => {
			var n = Ea(), r = L(n), i = z(r, !0), a = B(r);
			A(n), H(() => {
				Y(i, G(t).run), Y(a, `${G(t).step === null ? "" : ` step ${G(t).step}`}: ${G(t).message ?? ""}`);
			}), J(e, n);
		}), A(i), A(t), H((e, n) => {
			t.open = !G(_).length, Y(r, `${G(v).length ?? ""} analysis problem${G(v).length > 1 ? "s" : ""}:
        ${e ?? ""}${n ?? ""}
        ${G(_).length ? "(other runs are fine)" : ""}`);
		}, [() => [...new Set(G(v).map((e) => e.run))].slice(0, 6).join(", "), () => new Set(G(v).map((e) => e.run)).size > 6 ? ", …" : ""]), J(e, t);
	};
	X(dt, (e) => {
		G(v).length && e(ft);
	});
	var pt = B(dt, 2), mt = (e) => {
		var t = ka(), n = L(t), r = z(n, !0), i = B(n, 2), a = (e) => {
			var t = Oa(), n = z(t);
			H((e) => Y(n, `${G(ge) ?? ""} trajectories × ${G(he) ?? ""} steps, probe set ${G(x).probe_set.id ?? "?" ?? ""},
      IG completeness error median ${e ?? ""} per frame`), [() => ke(G(x).completeness?.per_frame.median)]), J(e, t);
		};
		X(i, (e) => {
			G(x) && e(a);
		}), A(t), H(() => Y(r, l())), J(e, t);
	}, ht = (e) => {
		var t = Na(), n = L(t), r = B(L(n));
		Q(r, 21, () => G(_), Z, (e, t) => {
			var n = Aa(), r = z(n, !0), i = {};
			H(() => {
				Y(r, G(t).run), i !== (i = G(t).run) && (n.value = (n.__value = i) ?? "");
			}), J(e, n);
		}), A(r);
		var i;
		ti(r), A(n);
		var a = B(n, 2), o = B(L(a));
		Q(o, 21, () => G(Ee), Z, (e, t) => {
			var n = Aa(), r = z(n, !0), i = {};
			H((e) => {
				Y(r, G(t)), i !== (i = e) && (n.value = (n.__value = i) ?? "");
			}, [() => String(G(t))]), J(e, n);
		}), A(o);
		var s;
		ti(o), A(a);
		var c = B(a, 2), l = B(c, 2), u = (e) => {
			var t = ja();
			K("click", t, () => f()?.()), J(e, t);
		};
		X(l, (e) => {
			f() && (G(_).length > 1 || G(Ee).length > 1) && e(u);
		});
		var d = B(l, 2), p = (e) => {
			var t = Ma(), n = z(t);
			H((e, t) => Y(n, `${G(x).env.kind ?? ""}/${G(x).env.name ?? ""}, ${G(ge) ?? ""} trajectories × ${G(he) ?? ""} steps,
        IG completeness error over the analysis: median ${e ?? ""} per frame,
        ${t ?? ""} of the trajectory's mean |F(a) − F(0)|`), [() => ke(G(x).completeness?.per_frame.median), () => ke(G(x).completeness?.unit_scaled.median)]), J(e, t);
		};
		X(d, (e) => {
			G(x) && e(p);
		}), A(t), H((e) => {
			i !== (i = G(y)) && (r.value = (r.__value = i) ?? "", ei(r, i)), s !== (s = e) && (o.value = (o.__value = s) ?? "", ei(o, s));
		}, [() => String(G(b))]), K("change", r, (e) => {
			let t = G(_).find((t) => t.run === e.currentTarget.value);
			t && Ne(t.run, t.steps.includes(G(b)) ? G(b) : t.steps[t.steps.length - 1]);
		}), K("change", o, (e) => Ne(G(y), Number(e.currentTarget.value))), K("click", c, () => Me(!0)), J(e, t);
	};
	X(pt, (e) => {
		n() ? e(mt) : e(ht, -1);
	});
	var P = B(pt, 2), gt = (e) => {
		var r = ho(), i = R(r), a = L(i), c = (e) => {
			var n = Ra(), r = R(n), i = B(L(r), 2);
			Q(i, 21, () => Array(G(ge)), Z, (e, n, r) => {
				var i = Pa();
				let a;
				$(i, "data-testid", `traj-${r}`);
				var o = L(i);
				si(o);
				var s = B(o, 2);
				Qi(s, {
					get source() {
						return t.source;
					},
					get run() {
						return G(y);
					},
					get step() {
						return G(b);
					},
					traj: r
				});
				var c = B(s);
				c.textContent = r + 1, A(i), H(() => {
					a = Yr(i, 1, "traj svelte-1n46o8q", null, a, { selected: r === G(S) }), $(o, "name", `traj-${h ?? ""}`), ci(o, r === G(S));
				}), K("change", o, () => I(S, r, !0)), J(e, i);
			}), A(i), Q(B(i, 4), 16, () => [["low", "Lowest advantage episodes (unexpected failures):"], ["high", "Highest advantage episodes (unexpected successes):"]], Z, (e, t) => {
				var n = /* @__PURE__ */ N(() => m(t, 2));
				let r = () => G(n)[0], i = () => G(n)[1];
				var a = Ia(), o = R(a), s = z(o, !0), c = B(o, 2);
				Q(c, 21, () => G(x).bookmarks[r()], Z, (e, t, n) => {
					var i = /* @__PURE__ */ N(() => m(G(t), 2));
					let a = () => G(i)[0], o = () => G(i)[1];
					var s = Fa(), c = L(s), l = z(c);
					A(s), H(() => {
						$(c, "data-testid", `bookmark-${r() ?? ""}-${n}`), Y(l, `trajectory ${a() + 1}, frame ${o() + 1}`);
					}), K("click", c, () => {
						I(T, 0), I(S, a(), !0), I(C, o(), !0);
					}), J(e, s);
				}), A(c), H(() => Y(s, i())), J(e, a);
			}), A(r);
			var a = B(r, 2);
			Q(B(L(a), 2), 17, () => G(x).layers, Z, (e, t) => {
				var n = La(), r = L(n);
				si(r);
				var i = B(r), a = z(B(i));
				A(n), H(() => {
					$(n, "data-testid", `layer-${G(t).name ?? ""}`), $(r, "name", `layer-${h ?? ""}`), ci(r, G(t).name === G(w)), Y(i, ` ${G(t).name ?? ""} `), Y(a, `${G(t).shape[0] ?? ""}×${G(t).shape[1] ?? ""}`);
				}), K("change", r, () => I(w, G(t).name, !0)), J(e, n);
			}), A(a), J(e, n);
		};
		X(a, (e) => {
			p() || e(c);
		});
		var l = B(a, 2), u = B(L(l), 2), d = (e) => {
			var t = Ha(), n = R(t), r = L(n), i = L(r), a = L(i), o = L(a), s = (e) => {
				var t = za(), n = z(B(R(t)), !0);
				H((e) => Y(n, e), [() => ki(G(E).rewards[G(C) - 1])]), J(e, t);
			};
			X(o, (e) => {
				G(C) > 0 && G(E).rewards[G(C) - 1] !== 0 && e(s);
			}), A(a);
			var c = B(a), l = L(c), u = (e) => {
				J(e, Ba());
			};
			X(l, (e) => {
				G(C) > 0 && G(E).dones[G(C) - 1] && e(u);
			}), A(c);
			var d = B(c), f = z(B(L(d)), !0);
			A(d);
			var p = B(d, 2), m = z(B(L(p)), !0);
			A(p), A(i), A(r), A(n);
			var h = B(n, 2);
			Q(h, 21, () => Ei(G(E).logits[G(C)] ?? []), Z, (e, t, n) => {
				var r = Cr(), i = R(r), a = (e) => {
					let r = /* @__PURE__ */ N(() => Oe(n, G(we).length));
					var i = Va();
					let a;
					var o = z(i, !0);
					H((e) => {
						$(i, "title", `${G(we)[n] ?? ""}: ${e ?? ""}%`), a = Zr(i, "", a, {
							width: `${G(t) * 100}%`,
							background: `rgb(${G(r) ?? ""},${G(r) ?? ""},${G(r) ?? ""})`,
							color: G(r) < 128 ? "#fff" : "#000"
						}), Y(o, G(t) > .06 ? G(we)[n] : "");
					}, [() => (G(t) * 100).toFixed(1)]), J(e, i);
				};
				X(i, (e) => {
					G(t) > .002 && e(a);
				}), J(e, r);
			}), A(h), H(() => {
				Y(f, G(C) + 1), Y(m, G(we)[G(E).actions[G(C)]] ?? G(E).actions[G(C)]);
			}), J(e, t);
		};
		X(u, (e) => {
			G(E) && e(d);
		});
		var f = B(u, 2), _ = L(f), v = B(_, 2), oe = B(v, 2), de = (e) => {
			var t = Ua();
			K("click", t, () => I(T, 0)), J(e, t);
		}, fe = (e) => {
			var t = Wa();
			K("click", t, () => Ue(-1)), J(e, t);
		};
		X(oe, (e) => {
			G(T) === -1 ? e(de) : e(fe, -1);
		});
		var D = B(oe, 2), me = (e) => {
			var t = Ua();
			K("click", t, () => I(T, 0)), J(e, t);
		}, _e = (e) => {
			var t = Ga();
			K("click", t, () => Ue(1)), J(e, t);
		};
		X(D, (e) => {
			G(T) === 1 ? e(me) : e(_e, -1);
		});
		var be = B(D, 2), xe = B(be, 2), Me = B(xe, 2), Ne = B(L(Me));
		si(Ne), A(Me), A(f);
		var Fe = B(f, 2), Le = B(L(Fe), 2);
		let Be;
		Qi(L(Le), {
			get source() {
				return t.source;
			},
			get run() {
				return G(y);
			},
			get step() {
				return G(b);
			},
			get traj() {
				return G(S);
			},
			stretch: !0
		}), A(Le), Se(2), A(Fe);
		var Ve = B(Fe, 2), He = (e) => {
			var t = Ka(), n = R(t);
			{
				let e = /* @__PURE__ */ N(() => s()?.series?.advantages ?? null), t = /* @__PURE__ */ N(() => s()?.label ?? "");
				Gi(n, {
					title: "advantage",
					get color() {
						return g.advantage;
					},
					get values() {
						return G(E).advantages;
					},
					get dones() {
						return G(E).dones;
					},
					get frame() {
						return G(C);
					},
					get visible() {
						return G(Je);
					},
					testid: "graph-advantage",
					get other() {
						return G(e);
					},
					get otherLabel() {
						return G(t);
					}
				});
			}
			Q(B(n, 2), 17, () => [...new Set(G(Te).map((e) => e.key))], Z, (e, t) => {
				let n = /* @__PURE__ */ N(() => G(x).outputs.find((e) => e.key === G(t)));
				{
					let r = /* @__PURE__ */ N(() => Ae(G(t))), i = /* @__PURE__ */ N(() => G(n)?.kind === "v" ? g.value : G(n)?.kind === "logit" ? g.logit : g.group), a = /* @__PURE__ */ N(() => je(G(t))), o = /* @__PURE__ */ N(() => s()?.series ? je(G(t), s().series) : null), c = /* @__PURE__ */ N(() => s()?.label ?? "");
					Gi(e, {
						get title() {
							return G(r);
						},
						get color() {
							return G(i);
						},
						get values() {
							return G(a);
						},
						get dones() {
							return G(E).dones;
						},
						get frame() {
							return G(C);
						},
						get visible() {
							return G(Je);
						},
						get testid() {
							return `graph-${G(t) ?? ""}`;
						},
						get other() {
							return G(o);
						},
						get otherLabel() {
							return G(c);
						}
					});
				}
			}), J(e, t);
		};
		X(Ve, (e) => {
			G(E) && e(He);
		});
		var We = B(Ve, 2), Ge = z(We, !0), qe = B(We, 2), tt = L(qe), rt = L(tt);
		si(rt), Se(), A(tt);
		var it = B(tt, 2), st = L(it);
		si(st);
		var ct = B(st);
		A(it);
		var lt = B(it, 2), ut = (e) => {
			var t = qa(), n = L(t);
			si(n), Se(), A(t), pi(n, () => G(re), (e) => I(re, e)), J(e, t);
		};
		X(lt, (e) => {
			G(ve) || e(ut);
		});
		var dt = B(lt, 2), ft = (e) => {
			var t = Ja(), n = L(t);
			si(n);
			var r = B(n);
			A(t), H(() => Y(r, ` full-resolution frames (${G(x).full_resolution?.shape[1] ?? ""}×${G(x).full_resolution?.shape[0] ?? ""}; attribution of the ${G(x).probe_set.observation_shape[1] ?? ""}×${G(x).probe_set.observation_shape[0] ?? ""} model input, to scale)`)), pi(n, () => G(Pe), (e) => I(Pe, e)), J(e, t);
		};
		X(dt, (e) => {
			G(Ie) && e(ft);
		}), A(qe);
		var pt = B(qe, 2), mt = L(pt), ht = L(mt), P = B(L(ht), 2), gt = (e) => {
			var t = Ya(), n = z(t);
			H(() => Y(n, `Positive and negative ${G(ve) ? "gradients" : "attribution"}`)), J(e, t);
		}, _t = (e) => {
			var t = Xa(), n = R(t), r = z(n), i = z(B(n));
			H(() => {
				Y(r, `Positive ${G(ve) ? "gradients" : "attribution"}`), Y(i, `Negative ${G(ve) ? "gradients" : "attribution"}`);
			}), J(e, t);
		};
		X(P, (e) => {
			G(te) ? e(gt) : e(_t, -1);
		}), A(ht), A(mt);
		var vt = B(mt);
		Q(vt, 21, () => G(Te), ({ key: e, i: t }) => t, (e, t) => {
			let n = () => G(t).key, r = () => G(t).i, i = /* @__PURE__ */ N(() => G(pe)[De(n())]), a = /* @__PURE__ */ N(() => ot(G(i)?.unit));
			var o = no(), s = L(o), c = L(s), l = L(c);
			l.value = l.__value = "v";
			var u = B(l);
			Q(u, 21, () => G(x).outputs.filter((e) => e.kind === "logit"), Z, (e, t) => {
				var n = Aa(), r = z(n), i = {};
				H(() => {
					Y(r, `${G(we)[G(t).index] ?? ""} logit`), i !== (i = G(t).key) && (n.value = (n.__value = i) ?? "");
				}), J(e, n);
			}), A(u);
			var d = B(u);
			Q(d, 21, () => G(x).outputs.filter((e) => e.kind === "group"), Z, (e, t) => {
				var n = Aa(), r = z(n, !0), i = {};
				H((e) => {
					Y(r, e), i !== (i = G(t).key) && (n.value = (n.__value = i) ?? "");
				}, [() => G(t).actions.map((e) => G(we)[e]).join(" | ")]), J(e, n);
			}), A(d), A(c);
			var f;
			ti(c);
			var p = B(c, 2), m = (e) => {
				var t = Za();
				H(() => $(t, "data-testid", `remove-row-${r() ?? ""}`)), K("click", t, () => M(r())), J(e, t);
			};
			X(p, (e) => {
				G(Te).length > 1 && e(m);
			});
			var h = B(p, 2), g = (e) => {
				let t = /* @__PURE__ */ N(() => da(G(i).unit.totals, G(i).unit.delta, G(C)));
				var n = Qa(), r = z(n);
				H((e, t) => Y(r, `IG completeness error: ${e ?? ""} of |F(a) − F(0)|, ${t ?? ""} of its trajectory mean`), [() => ke(G(t)[0]), () => ke(G(t)[1])]), J(e, n);
			};
			X(h, (e) => {
				G(i)?.unit.totals && G(i).unit.delta && G(i).unit.totals[G(C)] && e(g);
			}), A(s);
			var _ = B(s), v = L(_);
			{
				let e = /* @__PURE__ */ N(() => Re(null, "obs")), t = /* @__PURE__ */ N(() => r() === G(Te)[0].i ? "obs-canvas" : `obs-canvas-${r()}`);
				Ri(v, {
					get spec() {
						return G(e);
					},
					get testid() {
						return G(t);
					}
				});
			}
			var y = B(v, 2), b = (e) => {
				var t = eo(), n = L(t);
				let i;
				Q(B(n, 2), 17, () => G(a).bars, Z, (e, t) => {
					var n = $a();
					let r, i;
					H(() => {
						r = Yr(n, 1, "bar svelte-1n46o8q", null, r, {
							res: G(t).residual,
							dashed: G(t).residual && !G(re) && G(ie) !== "res"
						}), i = Zr(n, "", i, {
							left: `${G(t).k / G(a).bars.length * 100}%`,
							width: `${80 / G(a).bars.length}%`,
							top: `${G(t).top ?? ""}%`,
							height: `${G(t).height ?? ""}%`,
							background: G(t).residual ? "#fff" : G(k)[G(t).k]
						});
					}), J(e, n);
				}), A(t), H(() => {
					$(t, "data-testid", `chart-${r() ?? ""}`), i = Zr(n, "", i, { top: `${G(a).zero ?? ""}%` });
				}), J(e, t);
			};
			X(y, (e) => {
				G(a) && e(b);
			}), A(_), Q(B(_), 17, () => G(Ce), Z, (e, t) => {
				var i = to(), a = L(i);
				{
					let e = /* @__PURE__ */ N(() => Re(n(), G(t)));
					Ri(a, {
						get spec() {
							return G(e);
						},
						get testid() {
							return `attr-canvas-${r() ?? ""}-${G(t) ?? ""}`;
						},
						attr: !0
					});
				}
				A(i), J(e, i);
			}), A(o), H(() => {
				$(c, "data-testid", `row-output-${r() ?? ""}`), f !== (f = n()) && (c.value = (c.__value = f) ?? "", ei(c, f));
			}), K("change", c, (e) => G(ee)[r()] = e.currentTarget.value), J(e, o);
		}), A(vt), A(pt);
		var yt = B(pt, 2), bt = B(yt, 2), xt = (e) => {
			Ca(e, {
				get source() {
					return t.source;
				},
				get run() {
					return G(y);
				},
				get step() {
					return G(b);
				},
				get steps() {
					return G(Ee);
				},
				get layer() {
					return G(w);
				},
				get traj() {
					return G(S);
				},
				get frame() {
					return G(C);
				},
				get output() {
					return G(Te)[0].key;
				},
				get manifest() {
					return G(x);
				}
			});
		};
		X(bt, (e) => {
			!n() && !G(ve) && G(Ee).length > 1 && G(Te).length && e(xt);
		}), A(l);
		var St = B(l, 2), Ct = L(St), wt = z(Ct, !0), Tt = B(Ct, 2), Et = (e) => {
			var t = Cr(), n = R(t), r = (e) => {
				var t = io(), n = B(R(t), 2);
				Q(n, 21, () => G(O), Z, (e, t) => {
					var n = ro(), r = L(n);
					let i;
					var a = B(r, 1, !0);
					A(n), H(() => {
						i = Zr(r, "", i, { background: G(t).color }), Y(a, G(t).label);
					}), J(e, n);
				}), A(n), J(e, t);
			}, i = (e) => {
				J(e, ao());
			};
			X(n, (e) => {
				G(x).probe_set.display && G(x).probe_set.display !== "rgb" ? e(r) : e(i, -1);
			}), J(e, t);
		}, Dt = (e) => {
			var n = lo(), r = B(R(n), 2), i = L(r);
			Q(i, 17, () => Array(G(ye)), Z, (e, n, r) => {
				var i = so();
				$(i, "data-testid", `legend-${r}`);
				var a = L(i);
				let s;
				$(a, "data-testid", `legend-disc-${r}`);
				let c;
				a.textContent = r + 1;
				var l = B(a, 2);
				Ji(l, {
					get source() {
						return t.source;
					},
					get run() {
						return G(y);
					},
					get step() {
						return G(b);
					},
					get layer() {
						return G(w);
					},
					k: r,
					get K() {
						return G(ye);
					}
				});
				var u = B(l, 2), d = (e) => {
					var t = oo();
					$(t, "data-testid", `unmatched-${r}`), J(e, t);
				}, f = /* @__PURE__ */ N(() => o().includes(r));
				X(u, (e) => {
					G(f) && e(d);
				}), A(i), H((e) => {
					s = Yr(a, 1, "disc svelte-1n46o8q", null, s, { unmatched: e }), $(a, "data-color", G(k)[r]), c = Zr(a, "", c, { background: G(k)[r] });
				}, [() => o().includes(r)]), dr("mouseenter", i, () => I(ie, r, !0)), dr("mouseleave", i, () => I(ie, null)), K("click", i, (e) => {
					e.stopPropagation(), I(se, { feature: r }, !0);
				}), J(e, i);
			});
			var a = B(i, 2), s = L(a);
			let c;
			var l = B(s, 2), u = (e) => {
				J(e, co());
			};
			X(l, (e) => {
				!G(re) && G(ie) !== "res" && e(u);
			}), A(a), A(r), H(() => c = Yr(s, 1, "disc resdisc svelte-1n46o8q", null, c, { dashed: !G(re) && G(ie) !== "res" })), dr("mouseenter", a, () => I(ie, "res")), dr("mouseleave", a, () => I(ie, null)), J(e, n);
		};
		X(Tt, (e) => {
			G(ve) ? e(Et) : e(Dt, -1);
		}), Se(4), A(St), A(i);
		var Ot = B(i, 2), kt = (e) => {
			let t = /* @__PURE__ */ N(() => G(x).features);
			var n = mo(), r = L(n), i = L(r), a = z(i), o = B(i, 2);
			A(r);
			var s = B(r, 2), c = B(L(s)), l = (e) => {
				var t = uo(), n = z(t, !0);
				H(() => Y(n, G(Ze).src ? "Patches cut from the full-resolution frames." : "Too many patches to fetch at full resolution: showing the model input (use fewer patches).")), J(e, t);
			};
			X(c, (e) => {
				G(Ie) && G(Pe) && G(Ze)?.key === G($e) && e(l);
			}), A(s);
			var u = B(s, 2), d = L(u), f = B(L(d));
			si(f), Se(), A(d);
			var p = B(d, 2), m = B(L(p));
			si(m), Se(), A(p), A(u);
			var h = B(u, 2), g = L(h), _ = (e) => {
				let t = /* @__PURE__ */ N(() => G(Ie) && G(Pe) ? G(x).full_resolution.shape : G(x).probe_set.observation_shape);
				var n = fo();
				_i(n, (e) => I(Qe, e), () => G(Qe)), H(() => {
					$(n, "width", G(t)[1]), $(n, "height", G(t)[0]);
				}), J(e, n);
			}, v = (e) => {
				var t = po();
				H(() => {
					$(t, "src", G(et)), $(t, "alt", `feature ${G(se).feature + 1}`), $(t, "data-full", G(et) === G(Xe).src ? "0" : "1");
				}), J(e, t);
			};
			X(g, (e) => {
				G(ue) === null ? G(Xe) && e(v, 1) : e(_);
			}), A(h), A(n), H(() => {
				Y(a, `Layer ${G(w) ?? ""}, feature ${G(se).feature + 1}`), $(f, "max", G(t).expand_mults.length - 1), $(m, "max", G(t).subdiv_mults.length - 1);
			}), K("click", n, (e) => e.stopPropagation()), K("keydown", n, () => {}), K("click", o, () => I(se, null)), fi(f, () => G(ce), (e) => I(ce, e)), fi(m, () => G(le), (e) => I(le, e)), dr("wheel", h, nt), K("mousedown", h, at), J(e, n);
		};
		X(Ot, (e) => {
			G(se) && e(kt);
		}), H(() => {
			$(Fe, "aria-valuenow", G(C)), Be = Zr(Le, "", Be, {
				width: `${G(he) / G(Je) * 100}%`,
				left: `${(.5 - (G(C) + .5) / G(Je)) * 100}%`
			}), Y(Ge, G(ve) ? "Gradients" : "Attribution"), Y(ct, ` combine positive and negative ${G(ve) ? "gradients" : "attribution"}`), Y(wt, G(ve) ? "Gradients legend" : "Attribution legend");
		}), K("click", _, () => j(-1)), K("click", v, () => {
			I(T, 0), ze(0);
		}), K("click", be, () => {
			I(T, 0), ze(G(he) - 1);
		}), K("click", xe, () => j(1)), fi(Ne, () => G(ae), (e) => I(ae, e)), K("mousedown", Fe, Ke), pi(rt, () => G(ne), (e) => I(ne, e)), pi(st, () => G(te), (e) => I(te, e)), K("click", yt, Ye), J(e, r);
	};
	X(P, (e) => {
		G(x) && e(gt);
	}), A(st), H(() => {
		ct = Yr(st, 1, "app svelte-1n46o8q", null, ct, { compact: n() !== null }), $(st, "data-reloads", G(me));
	}), J(e, st), He();
}
fr([
	"change",
	"click",
	"mousedown",
	"keydown"
]);
// src/Root.svelte
var yo = /* @__PURE__ */ q("<option> </option>"), bo = /* @__PURE__ */ q("<span class=\"pick svelte-9tpkvn\"><b> </b> <select></select> <select></select></span>"), xo = /* @__PURE__ */ q("<div class=\"error svelte-9tpkvn\" data-testid=\"error\"> </div>"), So = /* @__PURE__ */ q(" <code>--probe-set</code> to compare frame by frame.", 1), Co = /* @__PURE__ */ q("<span data-testid=\"match-status\" class=\"svelte-9tpkvn\"> <!></span>"), wo = /* @__PURE__ */ q("<div data-testid=\"pane-a\" role=\"region\"><!></div> <div data-testid=\"pane-b\" role=\"region\"><!></div>", 1), To = /* @__PURE__ */ q("<div class=\"status svelte-9tpkvn\" data-testid=\"compare-status\"><!> <!></div> <div class=\"panes svelte-9tpkvn\"><!></div>", 1), Eo = /* @__PURE__ */ q("<div class=\"compare svelte-9tpkvn\" data-testid=\"compare-view\"><div class=\"bar svelte-9tpkvn\"><button data-testid=\"single\">single view</button> <!> <button data-testid=\"swap\">swap</button></div> <!> <!></div>"), Do = {
	hash: "svelte-9tpkvn",
	code: ".compare.svelte-9tpkvn {font:13px/1.4 system-ui, sans-serif;color:#222;padding:8px;}.bar.svelte-9tpkvn {display:flex;gap:1em;align-items:center;flex-wrap:wrap;margin-bottom:0.4em;}.pick.svelte-9tpkvn {display:inline-flex;gap:0.3em;align-items:center;}.status.svelte-9tpkvn {background:#eef4ff;border:1px solid #9bb8e8;padding:0.3em 0.5em;margin-bottom:0.4em;}.status.svelte-9tpkvn span:where(.svelte-9tpkvn) {display:block;}.error.svelte-9tpkvn {background:#fde2e1;border:1px solid #d33;padding:0.4em;margin-bottom:0.5em;white-space:pre-wrap;}.panes.svelte-9tpkvn {display:flex;gap:0.5em;align-items:flex-start;overflow-x:auto;}.pane.svelte-9tpkvn {flex:1 1 auto;min-width:0;overflow-x:auto;border:2px solid #ddd;}.pane.active.svelte-9tpkvn {border-color:#1f6fd1;}"
};
function Oo(e, t) {
	Ve(t, !0), Ur(e, Do);
	let n = ra(), r = ir(() => t.source.compare ?? null), i = /* @__PURE__ */ F(Wt(n.run_b !== void 0 || r ? "compare" : "single")), a = /* @__PURE__ */ F(Wt([])), o = /* @__PURE__ */ F(null), s = /* @__PURE__ */ F(null), c = /* @__PURE__ */ F(null), l = /* @__PURE__ */ F(null), u = Wt({
		traj: n.traj ?? 0,
		frame: n.frame ?? 0,
		layer: n.layer ?? ""
	}), d = Wt({
		traj: n.traj_b ?? n.traj ?? 0,
		frame: n.frame_b ?? n.frame ?? 0,
		layer: n.layer ?? ""
	}), f = /* @__PURE__ */ F(null), p = /* @__PURE__ */ F(null), h = /* @__PURE__ */ F(null), g = /* @__PURE__ */ F("a"), _ = /* @__PURE__ */ F(""), v = /* @__PURE__ */ F(null), y = /* @__PURE__ */ N(() => !!G(c) && !!G(l) && G(c).probe_set.id !== void 0 && G(c).probe_set.id === G(l).probe_set.id), b = (e, t) => e ? `${t}: ${e.run} @ step ${e.step}` : t, x = (e) => G(a).find((t) => t.run === e)?.steps ?? [];
	async function S() {
		try {
			I(a, (await t.source.runs(!1)).runs, !0);
		} catch (e) {
			I(_, String(e), !0);
		}
	}
	function C(e) {
		let t = x(e.run), n = t.indexOf(e.step);
		if (t.length > 1) return {
			run: e.run,
			step: t[n > 0 ? n - 1 : 1]
		};
		let r = G(a).find((t) => t.run !== e.run);
		return r ? {
			run: r.run,
			step: r.steps[r.steps.length - 1]
		} : { ...e };
	}
	async function w() {
		if (await S(), !G(a).length) return;
		let e = (e) => !!e && x(e.run).includes(e.step), t = r?.a ?? null;
		!e(t) && G(v) && (t = {
			run: G(v).run,
			step: G(v).step
		}), !e(t) && n.run !== void 0 && n.step !== void 0 && (t = {
			run: n.run,
			step: n.step
		}), e(t) || (t = {
			run: G(a)[0].run,
			step: G(a)[0].steps[G(a)[0].steps.length - 1]
		});
		let c = r?.b ?? (n.run_b !== void 0 && n.step_b !== void 0 ? {
			run: n.run_b,
			step: n.step_b
		} : null);
		e(c) || (c = C(t)), G(v) && (u.traj = d.traj = G(v).traj, u.frame = d.frame = G(v).frame, u.layer = d.layer = G(v).layer), I(o, t, !0), I(s, c, !0), I(i, "compare");
	}
	V(() => {
		if (G(i) !== "compare" || !G(o) || !G(s)) return;
		let [e, n] = [G(o), G(s)];
		I(c, I(l, null), !0), I(h, null), Promise.all([t.source.manifest(e.run, e.step), t.source.manifest(n.run, n.step)]).then(([t, r]) => {
			if (G(o) === e && G(s) === n) {
				I(c, t, !0), I(l, r, !0);
				let e = u.layer && t.layers.some((e) => e.name === u.layer) ? u.layer : t.default_layer;
				u.layer = d.layer = e;
			}
		}).catch((e) => I(_, String(e), !0));
	}), V(() => {
		if (G(i) !== "compare") return;
		let e = u.layer;
		ir(() => {
			d.layer !== e && (d.layer = e);
		});
	}), V(() => {
		if (G(i) !== "compare") return;
		let e = d.layer;
		ir(() => {
			u.layer !== e && (u.layer = e);
		});
	}), V(() => {
		if (G(i) !== "compare" || !G(o) || !G(s) || !G(c) || !G(l) || !u.layer) return;
		let [e, n, r] = [
			G(o),
			G(s),
			u.layer
		];
		t.source.match(e.run, e.step, n.run, n.step, r).then((t) => {
			G(o) === e && G(s) === n && u.layer === r && I(h, t, !0);
		}).catch((e) => I(_, String(e), !0));
	}), V(() => {
		G(i) === "compare" && G(o) && G(s) && G(c) && G(l) && la({
			run: G(o).run,
			step: G(o).step,
			layer: u.layer,
			traj: u.traj,
			frame: u.frame,
			rows: ["v"],
			abs: !1,
			overlay: !0,
			residual: !1,
			run_b: G(s).run,
			step_b: G(s).step,
			...G(y) ? {} : {
				traj_b: d.traj,
				frame_b: d.frame
			}
		});
	});
	function ee(e, t, n) {
		let r = x(t), i = G(e === "a" ? o : s), a = n !== void 0 && r.includes(n) ? n : i && r.includes(i.step) ? i.step : r[r.length - 1];
		I(e === "a" ? o : s, {
			run: t,
			step: a
		}, !0);
	}
	function te() {
		((e) => {
			var t = m(e, 2);
			I(o, t[0], !0), I(s, t[1], !0);
		})([G(s), G(o)]);
	}
	xi(() => {
		t.source.embedded && oa(), G(i) === "compare" && w(), window.rlClarityCompare = {
			state: () => ({
				mode: G(i),
				a: G(o),
				b: G(s),
				shared: G(y),
				navA: { ...u },
				navB: { ...d },
				match: G(h)
			}),
			setFrame(e) {
				return u.frame = e, Et(), u.frame;
			}
		};
	});
	var ne = Cr(), re = R(ne), ie = (e) => {
		vo(e, {
			get source() {
				return t.source;
			},
			onCompare: w,
			get view() {
				return G(v);
			},
			set view(e) {
				I(v, e, !0);
			}
		});
	}, T = (e) => {
		var n = Eo(), r = L(n), v = L(r), S = B(v, 2);
		Q(S, 17, () => [["a", G(o)], ["b", G(s)]], Z, (e, t) => {
			var n = /* @__PURE__ */ N(() => m(G(t), 2));
			let r = () => G(n)[0], i = /* @__PURE__ */ N(() => G(n)[1]);
			var o = bo(), s = L(o), c = z(s, !0), l = B(s, 2);
			Q(l, 21, () => G(a), Z, (e, t) => {
				var n = yo(), r = z(n, !0), i = {};
				H(() => {
					Y(r, G(t).run), i !== (i = G(t).run) && (n.value = (n.__value = i) ?? "");
				}), J(e, n);
			}), A(l);
			var u;
			ti(l);
			var d = B(l, 2);
			Q(d, 21, () => x(G(i)?.run), Z, (e, t) => {
				var n = yo(), r = z(n, !0), i = {};
				H((e) => {
					Y(r, G(t)), i !== (i = e) && (n.value = (n.__value = i) ?? "");
				}, [() => String(G(t))]), J(e, n);
			}), A(d);
			var f;
			ti(d), A(o), H((e, t) => {
				Y(c, e), $(l, "data-testid", `cmp-run-${r() ?? ""}`), u !== (u = G(i)?.run) && (l.value = (l.__value = u) ?? "", ei(l, u)), $(d, "data-testid", `cmp-step-${r() ?? ""}`), f !== (f = t) && (d.value = (d.__value = f) ?? "", ei(d, f));
			}, [() => String(r()).toUpperCase(), () => String(G(i)?.step)]), K("change", l, (e) => ee(r(), e.currentTarget.value)), K("change", d, (e) => G(i) && ee(r(), G(i).run, Number(e.currentTarget.value))), J(e, o);
		});
		var C = B(S, 2);
		A(r);
		var w = B(r, 2), ne = (e) => {
			var t = xo(), n = z(t, !0);
			H(() => Y(n, G(_))), J(e, t);
		};
		X(w, (e) => {
			G(_) && e(ne);
		});
		var re = B(w, 2), ie = (e) => {
			var n = To(), r = R(n), i = L(r), a = (e) => {
				var t = Sr();
				H(() => Y(t, `Same probe set (${G(c).probe_set.id ?? ""}): one timeline drives both panes, and the graphs overlay
          the other side's series (dashed).`)), J(e, t);
			}, m = (e) => {
				var t = So(), n = R(t);
				Se(2), H(() => Y(n, `Different probe sets (A: ${G(c).probe_set.id ?? "unknown" ?? ""}, B: ${G(l).probe_set.id ?? "unknown" ?? ""}): the
          frames differ, so each pane navigates on its own (the arrow keys move the pane last clicked).
          Analyse both with the same `)), J(e, t);
			};
			X(i, (e) => {
				G(y) ? e(a) : e(m, -1);
			});
			var _ = B(i, 2), v = (e) => {
				var t = Co(), n = L(t), r = B(n), i = (e) => {
					var t = Sr();
					H((e) => Y(t, `${G(h).pairs.length ?? ""} matched, by ${G(h).reason ?? ""}${e ?? ""}.`), [() => G(h).unmatched_a.length || G(h).unmatched_b.length ? `; unmatched: A ${G(h).unmatched_a.map((e) => e + 1).join(", ") || "none"}, B ${G(h).unmatched_b.map((e) => e + 1).join(", ") || "none"}` : ""]), J(e, t);
				}, a = (e) => {
					var t = Sr();
					H(() => Y(t, `not matched: ${G(h).reason ?? ""}.`)), J(e, t);
				};
				X(r, (e) => {
					G(h).method ? e(i) : e(a, -1);
				}), A(t), H(() => Y(n, `Features of layer ${G(h).layer ?? ""}: `)), J(e, t);
			};
			X(_, (e) => {
				G(h) && e(v);
			}), A(r);
			var x = B(r, 2);
			Pr(L(x), () => `${G(o)?.run}\u0000${G(o)?.step}\u0000${G(s)?.run}\u0000${G(s)?.step}\u0000${G(y)}`, (e) => {
				var n = wo(), r = R(n);
				let i;
				var a = L(r);
				{
					let e = /* @__PURE__ */ N(() => b(G(o), "A")), n = /* @__PURE__ */ N(() => G(y) || G(g) === "a"), r = /* @__PURE__ */ N(() => G(h)?.colors_a ?? null), i = /* @__PURE__ */ N(() => G(h)?.method ? G(h).unmatched_a : []), s = /* @__PURE__ */ N(() => G(y) ? {
						series: G(p),
						label: "B"
					} : null);
					vo(a, {
						get source() {
							return t.source;
						},
						get pane() {
							return G(o);
						},
						get nav() {
							return u;
						},
						get label() {
							return G(e);
						},
						get hotkeys() {
							return G(n);
						},
						get featureColors() {
							return G(r);
						},
						get unmatched() {
							return G(i);
						},
						get other() {
							return G(s);
						},
						get seriesOut() {
							return G(f);
						},
						set seriesOut(e) {
							I(f, e, !0);
						}
					});
				}
				A(r);
				var c = B(r, 2);
				let l;
				var m = L(c);
				{
					let e = /* @__PURE__ */ N(() => G(y) ? u : d), n = /* @__PURE__ */ N(() => b(G(s), "B")), r = /* @__PURE__ */ N(() => !G(y) && G(g) === "b"), i = /* @__PURE__ */ N(() => G(h)?.colors_b ?? null), a = /* @__PURE__ */ N(() => G(h)?.method ? G(h).unmatched_b : []), o = /* @__PURE__ */ N(() => G(y) ? {
						series: G(f),
						label: "A"
					} : null);
					vo(m, {
						get source() {
							return t.source;
						},
						get pane() {
							return G(s);
						},
						get nav() {
							return G(e);
						},
						get label() {
							return G(n);
						},
						get hotkeys() {
							return G(r);
						},
						get secondary() {
							return G(y);
						},
						get featureColors() {
							return G(i);
						},
						get unmatched() {
							return G(a);
						},
						get other() {
							return G(o);
						},
						get seriesOut() {
							return G(p);
						},
						set seriesOut(e) {
							I(p, e, !0);
						}
					});
				}
				A(c), H(() => {
					i = Yr(r, 1, "pane svelte-9tpkvn", null, i, { active: !G(y) && G(g) === "a" }), l = Yr(c, 1, "pane svelte-9tpkvn", null, l, { active: !G(y) && G(g) === "b" });
				}), K("pointerdown", r, () => I(g, "a")), K("pointerdown", c, () => I(g, "b")), J(e, n);
			}), A(x), H(() => $(r, "data-shared", G(y) ? "1" : "0")), J(e, n);
		};
		X(re, (e) => {
			G(c) && G(l) && e(ie);
		}), A(n), K("click", v, () => {
			I(i, "single");
		}), K("click", C, te), J(e, n);
	};
	X(re, (e) => {
		G(i) === "single" ? e(ie) : e(T, -1);
	}), J(e, ne), He();
}
fr([
	"click",
	"change",
	"pointerdown"
]);
// src/routes.ts
var ko = /* @__PURE__ */ new Set(["v", "v_b"]);
function Ao(e) {
	return new URLSearchParams(Object.entries(e).map(([e, t]) => [e, String(t)])).toString();
}
function jo(e) {
	return String(Number(e));
}
var Mo = /[A-Za-z0-9_.~-]/, No = new TextEncoder();
function Po(e) {
	let t = "";
	for (let n of No.encode(e)) {
		let e = String.fromCharCode(n);
		n < 128 && Mo.test(e) ? t += e : t += n === 32 ? "+" : "%" + n.toString(16).toUpperCase().padStart(2, "0");
	}
	return t;
}
function Fo(e, t) {
	return `${e}?${Object.entries(t).filter(([e]) => !ko.has(e)).map(([e, t]) => [e, String(t)]).sort(([e, t], [n, r]) => e < n ? -1 : e > n ? 1 : t < r ? -1 : +(t > r)).map(([e, t]) => `${Po(e)}=${Po(t)}`).join("&")}`;
}
// src/data.ts
var Io = class e {
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
		let r = `${Fo(e, t)}#${t.v ?? ""}/${t.v_b ?? ""}`, i = this.cache.get(r);
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
			return ua(s, o.shape, o.codec);
		});
	}
	featureGrid(e, t, n, r, i, a) {
		return this.json("feature_grid", this.params(e, t, {
			layer: n,
			feature: r,
			subdiv: jo(i),
			expand: jo(a)
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
			subdiv: jo(r.subdiv),
			expand: jo(r.expand)
		} : r, a = this.params(t, n, i);
		return this.memo(e, a, () => this.transport.image(e, a));
	}
	fullFrame(t, n, r) {
		let i = this.params(t, n, r), a = `${Fo("fullres", i)}#${i.v ?? ""}`, o = this.full.get(a);
		for (o ? this.full.delete(a) : (o = this.transport.image("fullres", i), o.catch(() => this.full.delete(a))), this.full.set(a, o); this.full.size > e.fullFrames;) this.full.delete(this.full.keys().next().value);
		return o;
	}
}, Lo = class {
	base;
	embedded = !1;
	constructor(e = "./") {
		this.base = e;
	}
	url(e, t) {
		return `${this.base}${e}?${Ao(t)}`;
	}
	async get(e, t) {
		let n = await fetch(this.url(e, t));
		if (!n.ok) throw Error(`${e}: ${n.status} ${(await n.text()).slice(0, 300)}`);
		return n;
	}
	async json(e, t) {
		return (await this.get(e, t)).json();
	}
	async bytes(e, t) {
		return new Uint8Array(await (await this.get(e, t)).arrayBuffer());
	}
	image(e, t) {
		return Ro(this.url(e, t));
	}
};
function Ro(e) {
	return new Promise((t, n) => {
		let r = new Image();
		r.onload = () => t(r), r.onerror = () => n(/* @__PURE__ */ Error(`could not load ${e.split("?")[0].slice(0, 80)}`)), r.src = e;
	});
}
// src/parts.ts
var zo = [
	0,
	13,
	60
];
function Bo(e) {
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
		i < 3 ? (a(zo[i]), a(r & 127)) : a(zo[i - 3]);
	}
	return t.slice(0, n);
}
function Vo(e, t) {
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
function Ho(e) {
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
async function Uo(e) {
	let t = new Blob([e]).stream().pipeThrough(new DecompressionStream("deflate"));
	return new Uint8Array(await new Response(t).arrayBuffer());
}
// src/png.ts
var Wo = (() => {
	let e = /* @__PURE__ */ new Uint32Array(256);
	for (let t = 0; t < 256; t++) {
		let n = t;
		for (let e = 0; e < 8; e++) n = n & 1 ? 3988292384 ^ n >>> 1 : n >>> 1;
		e[t] = n >>> 0;
	}
	return e;
})();
function Go(e) {
	let t = 4294967295;
	for (let n = 0; n < e.length; n++) t = Wo[(t ^ e[n]) & 255] ^ t >>> 8;
	return (t ^ 4294967295) >>> 0;
}
function Ko(e, t) {
	let n = new Uint8Array(12 + t.length), r = new DataView(n.buffer);
	r.setUint32(0, t.length);
	for (let t = 0; t < 4; t++) n[4 + t] = e.charCodeAt(t);
	return n.set(t, 8), r.setUint32(8 + t.length, Go(n.subarray(4, 8 + t.length))), n;
}
async function qo(e) {
	let t = new Blob([e]).stream().pipeThrough(new CompressionStream("deflate"));
	return new Uint8Array(await new Response(t).arrayBuffer());
}
async function Jo(e, t, n) {
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
		Ko("IHDR", i),
		Ko("IDAT", await qo(r)),
		Ko("IEND", /* @__PURE__ */ new Uint8Array())
	], s = new Uint8Array(o.reduce((e, t) => e + t.length, 0)), c = 0;
	for (let e of o) s.set(e, c), c += e.length;
	return s;
}
function Yo(e, t) {
	let n = "";
	for (let e = 0; e < t.length; e += 32768) n += String.fromCharCode(...t.subarray(e, e + 32768));
	return `data:${e};base64,${btoa(n)}`;
}
var Xo = class {
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
		let n = this.routes[Fo(e, t)];
		if (!n) {
			let n = this.analyses.map((e) => `${e.run} at step ${e.step}`).join(" and ");
			throw Error(`this page does not hold ${e} of ${JSON.stringify(t)} (it holds ${n}, as exported)`);
		}
		return n;
	}
	raw([, e, t]) {
		return Bo(this.text.slice(e, t));
	}
	async json(e, t) {
		let n = this.entry(e, t);
		if (n[0] === "json") return JSON.parse(new TextDecoder().decode(await Uo(this.raw(n))));
		if (n[0] === "json+arrays") return Ho(await Uo(this.raw(n)));
		throw Error(`${e} is recorded as ${n[0]}, not JSON`);
	}
	async bytes(e, t) {
		let n = this.entry(e, t);
		if (n[0] === "planes-avg") {
			let e = await this.json("unit", t);
			return Vo(await Uo(this.raw(n)), e.shape);
		}
		if (n[0] === "bytes") return this.raw(n);
		throw Error(`${e} is recorded as ${n[0]}, not bytes`);
	}
	async image(e, t) {
		let n = this.entry(e, t);
		if (n[0] === "bytes") return Ro(Yo(n[3], this.raw(n)));
		if (n[0] === "feature-alpha") {
			let e = await this.featurePixels(t);
			return Ro(Yo("image/png", await Jo(e.width, e.height, e.data)));
		}
		throw Error(`${e} is recorded as ${n[0]}, not a picture`);
	}
	sheetPixels(e, t) {
		let n = {
			run: e.run,
			step: e.step,
			sheet: t
		}, r = Fo("observations", n), i = this.sheets.get(r);
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
			Uo(this.raw(this.entry("feature", e)))
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
function Zo(e) {
	document.body.style.margin = "0", Or(Oo, {
		target: document.body,
		props: { source: e ?? new Io(new Lo("./")) }
	});
}
var Qo = document.getElementById("rlc-index"), $o = document.getElementById("rlc-blobs");
if (Qo && $o) {
	let e = new Io(new Xo(Qo, $o));
	window.rlClaritySource = e, Zo(e);
}
export { Zo as render };
