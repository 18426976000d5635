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
var h = 1024, g = 2048, _ = 4096, v = 8192, y = 16384, b = 32768, x = 1 << 25, S = 65536, C = 1 << 19, ee = 1 << 20, te = 1 << 25, ne = 1 << 21, re = 1 << 22, ie = 1 << 23, ae = Symbol("$state"), oe = Symbol("component"), se = Symbol("legacy props"), ce = Symbol(""), le = Symbol("attributes"), ue = Symbol("class"), de = Symbol("style"), fe = Symbol("text"), pe = Symbol("form reset"), me = new class extends Error {
	name = "StaleReactionError";
	message = "The reaction that called `getAbortSignal()` was re-run or destroyed";
}(), he = !!globalThis.document?.contentType && /* @__PURE__ */ globalThis.document.contentType.includes("xml"), ge = {}, w = Symbol("uninitialized"), _e = "http://www.w3.org/1999/xhtml";
function ve() {
	console.warn("https://svelte.dev/e/derived_inert");
}
function ye(e) {
	console.warn("https://svelte.dev/e/hydration_mismatch");
}
function be() {
	console.warn("https://svelte.dev/e/select_multiple_invalid_value");
}
function xe() {
	console.warn("https://svelte.dev/e/svelte_boundary_reset_noop");
}
// node_modules/svelte/src/internal/client/dom/hydration.js
var T = !1;
function Se(e) {
	T = e;
}
var E;
function Ce(e) {
	if (e === null) throw ye(), ge;
	return E = e;
}
function we() {
	return Ce(/* @__PURE__ */ nn(E));
}
function D(e) {
	if (T) {
		if (/* @__PURE__ */ nn(E) !== null) throw ye(), ge;
		E = e;
	}
}
function Te(e = 1) {
	if (T) {
		for (var t = e, n = E; t--;) n = /* @__PURE__ */ nn(n);
		E = n;
	}
}
function Ee(e = !0) {
	for (var t = 0, n = E;;) {
		if (n.nodeType === 8) {
			var r = n.data;
			if (r === "]") {
				if (t === 0) return n;
				--t;
			} else (r === "[" || r === "[!" || r[0] === "[" && !isNaN(Number(r.slice(1)))) && (t += 1);
		}
		var i = /* @__PURE__ */ nn(n);
		e && n.remove(), n = i;
	}
}
function De(e) {
	if (!e || e.nodeType !== 8) throw ye(), ge;
	return e.data;
}
// node_modules/svelte/src/internal/client/reactivity/equality.js
function Oe(e) {
	return e === this.v;
}
function ke(e, t) {
	return e == e ? e !== t || typeof e == "object" && !!e || typeof e == "function" : t == t;
}
function Ae(e) {
	return !ke(e, this.v);
}
function je(e) {
	throw Error("https://svelte.dev/e/lifecycle_outside_component");
}
// node_modules/svelte/src/internal/client/errors.js
function Me() {
	throw Error("https://svelte.dev/e/async_derived_orphan");
}
function Ne(e, t, n) {
	throw Error("https://svelte.dev/e/each_key_duplicate");
}
function Pe(e) {
	throw Error("https://svelte.dev/e/effect_in_teardown");
}
function Fe() {
	throw Error("https://svelte.dev/e/effect_in_unowned_derived");
}
function Ie(e) {
	throw Error("https://svelte.dev/e/effect_orphan");
}
function Le() {
	throw Error("https://svelte.dev/e/effect_update_depth_exceeded");
}
function Re(e) {
	throw Error("https://svelte.dev/e/props_invalid_value");
}
function ze() {
	throw Error("https://svelte.dev/e/state_descriptors_fixed");
}
function Be() {
	throw Error("https://svelte.dev/e/state_prototype_fixed");
}
function Ve() {
	throw Error("https://svelte.dev/e/state_unsafe_mutation");
}
function He() {
	throw Error("https://svelte.dev/e/svelte_boundary_reset_onerror");
}
// node_modules/svelte/src/internal/client/context.js
var Ue = null;
function We(e) {
	Ue = e;
}
function O(e, t = !1, n) {
	Ue = {
		p: Ue,
		i: !1,
		c: null,
		e: null,
		s: e,
		x: null,
		r: H,
		l: null
	};
}
function k(e) {
	var t = Ue, n = t.e;
	if (n !== null) {
		t.e = null;
		for (var r of n) hn(r);
	}
	return e !== void 0 && (t.x = e), t.i = !0, Ue = t.p, Ge(e);
}
function Ge(e = {}) {
	return i(e, oe, { value: !0 }), e;
}
function Ke() {
	return !0;
}
// node_modules/svelte/src/internal/client/dom/task.js
var qe = [];
function Je() {
	var e = qe;
	qe = [], f(e);
}
function Ye(e) {
	if (qe.length === 0 && !xt) {
		var t = qe;
		queueMicrotask(() => {
			t === qe && Je();
		});
	}
	qe.push(e);
}
function Xe() {
	for (; qe.length > 0;) Je();
}
// node_modules/svelte/src/internal/client/reactivity/status.js
var Ze = ~(g | _ | h);
function A(e, t) {
	e.f = e.f & Ze | t;
}
function Qe(e) {
	e.f & 512 || e.deps === null ? A(e, h) : A(e, _);
}
// node_modules/svelte/src/internal/client/reactivity/utils.js
function $e(e, t) {
	e.f & 2048 ? t.set(e, g) : e.f & 4096 && t.get(e) !== 2048 && t.set(e, _), A(e, h);
}
// node_modules/svelte/src/internal/client/dom/elements/misc.js
var et = !1;
function tt() {
	et || (et = !0, document.addEventListener("reset", (e) => {
		Promise.resolve().then(() => {
			if (!e.defaultPrevented) for (let t of e.target.elements) t[pe]?.();
		});
	}, { capture: !0 }));
}
// node_modules/svelte/src/internal/client/dom/elements/bindings/shared.js
function nt(e) {
	var t = V, n = H;
	Rn(null), zn(null);
	try {
		return e();
	} finally {
		Rn(t), zn(n);
	}
}
function rt(e, t, n, r = n) {
	e.addEventListener(t, () => nt(n));
	let i = e[pe];
	e[pe] = i ? () => {
		i(), r(!0);
	} : () => r(!0), tt();
}
// node_modules/svelte/src/internal/client/reactivity/async.js
function it(e, t, n, r) {
	let i = Ke() ? ct : dt;
	var a = e.filter((e) => !e.settled), o = t.map(i);
	if (n.length === 0 && a.length === 0) {
		r(o);
		return;
	}
	var s = H, c = at(), l = a.length === 1 ? a[0].promise : a.length > 1 ? Promise.all(a.map((e) => e.promise)) : null;
	function u(e) {
		if (!(s.f & 16384)) {
			c();
			try {
				r([...o, ...e]);
			} catch (e) {
				ln(e, s);
			}
			ot();
		}
	}
	var d = st();
	if (n.length === 0) {
		l.then(() => u([])).finally(d);
		return;
	}
	function f() {
		Promise.all(n.map((e) => /* @__PURE__ */ ut(e))).then(u).catch((e) => ln(e, s)).finally(d);
	}
	l ? l.then(() => {
		s.f & 16384 ? d() : (c(), f(), ot());
	}) : f();
}
function at() {
	var e = H, t = V, n = Ue, r = M;
	return function(i = !0) {
		zn(e), Rn(t), We(n), i && !(e.f & 16384) && (r?.activate(), r?.apply());
	};
}
function ot(e = !0) {
	zn(null), Rn(null), We(null), e && M?.deactivate();
}
function st() {
	var e = H, t = e.b, n = M, r = !!t?.is_rendered();
	return t?.update_pending_count(1, n), n.increment(r, e), () => {
		t?.update_pending_count(-1, n), n.decrement(r, e);
	};
}
/*#__NO_SIDE_EFFECTS__*/
function ct(e) {
	var t = 2 | g;
	return H !== null && (H.f |= C), {
		ctx: Ue,
		deps: null,
		effects: null,
		equals: Oe,
		f: t,
		fn: e,
		reactions: null,
		rv: 0,
		v: w,
		wv: 0,
		parent: H,
		ac: null
	};
}
var lt = Symbol("obsolete");
/*#__NO_SIDE_EFFECTS__*/
function ut(e, t, n) {
	let r = H;
	r === null && Me();
	var i = void 0, a = Rt(w), o = !V, s = /* @__PURE__ */ new Set();
	return yn(() => {
		var t = H, n = p();
		i = n.promise;
		try {
			Promise.resolve(e()).then(n.resolve, (e) => {
				e !== me && n.reject(e);
			}).finally(ot);
		} catch (e) {
			n.reject(e), ot();
		}
		var c = M;
		if (o) {
			if (t.f & 32768) var l = st();
			if (r.b?.is_rendered()) c.async_deriveds.get(t)?.reject(lt);
			else for (let e of s.values()) e.reject(lt);
			s.add(n), c.async_deriveds.set(t, n);
		}
		let u = (e, t = void 0) => {
			l?.(), s.delete(n), t !== lt && (c.activate(), t ? (a.f |= ie, Ht(a, t)) : (a.f & 8388608 && (a.f ^= ie), Ht(a, e)), c.deactivate());
		};
		n.promise.then(u, (e) => u(null, e || "unknown"));
	}), mn(() => {
		for (let e of s) e.reject(lt);
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
function j(e) {
	let t = /* @__PURE__ */ ct(e);
	return Vn(t), t;
}
/*#__NO_SIDE_EFFECTS__*/
function dt(e) {
	let t = /* @__PURE__ */ ct(e);
	return t.equals = Ae, t;
}
function ft(e) {
	var t = e.effects;
	if (t !== null) {
		e.effects = null;
		for (var n = 0; n < t.length; n += 1) En(t[n]);
	}
}
function pt(e) {
	var t, n = H, r = e.parent;
	if (!Fn && r !== null && e.v !== w && r.f & 24576) return ve(), e.v;
	zn(r);
	try {
		ft(e), t = $n(e);
	} finally {
		zn(n);
	}
	return t;
}
function mt(e) {
	var t = pt(e);
	!e.equals(t) && (e.wv = Xn(), (!M?.is_fork || e.deps === null) && (M === null ? e.v = t : (M.capture(e, t, !0), vt?.capture(e, t, !0)), e.deps === null)) ? A(e, h) : Fn || (yt === null ? Qe(e) : (pn() || M?.is_fork) && yt.set(e, t));
}
function ht(e) {
	if (e.effects !== null) for (let t of e.effects) (t.teardown || t.ac) && (t.teardown?.(), t.ac !== null && nt(() => {
		t.ac.abort(me), t.ac = null;
	}), t.fn !== null && (t.teardown = d), nr(t, 0), wn(t));
}
function gt(e) {
	if (e.effects !== null) for (let t of e.effects) t.teardown && t.fn !== null && rr(t);
}
// node_modules/svelte/src/internal/client/reactivity/batch.js
var _t = null, M = null, vt = null, yt = null, bt = null, xt = !1, St = !1, Ct = null, wt = null, Tt = 0, Et = 1, Dt = class e {
	id = Et++;
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
		_t === null ? _t = this : (_t.next = this, this.prev = _t), _t = this;
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
			for (var r of n.d) A(r, g), t(r);
			for (r of n.m) A(r, _), t(r);
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
		for (let [e, t] of this.#s) A(e, t), this.schedule(e);
		this.apply();
		for (var t = Ct = [], n = [], r = wt = []; this.#a.length > 0;) {
			Tt++ > 1e3 && (this.#b(), kt());
			for (let e of this.#p()) try {
				this.#h(e, t, n);
			} catch (t) {
				throw Pt(e), this.#d() || this.discard(), t;
			}
		}
		if (M = null, r.length > 0) {
			var i = e.ensure();
			for (let e of r) i.schedule(e);
		}
		if (Ct = null, wt = null, this.#d()) {
			this.#y(n), this.#y(t);
			for (let [e, t] of this.#c) Nt(e, t);
			r.length > 0 && M.#m();
			return;
		}
		let a = this.#g();
		if (a) this.#y(n), this.#y(t), a.#v(this);
		else {
			this.#s.clear();
			for (let e of this.#e) e(this);
			this.#e.clear(), vt = this, jt(n), jt(t), vt = null, this.#i?.resolve();
			var o = M;
			this.#n === 0 && (this.#a.length === 0 || o !== null) && this.#b(), o !== null && (It.clear(), o.#m());
		}
	}
	#h(e, t, n) {
		e.f ^= h;
		for (var r = e.first; r !== null;) {
			var i = r.f, a = !!(i & 96);
			if (!(a && i & 1024 || i & 8192 || this.#c.has(r)) && r.fn !== null) {
				a ? r.f ^= h : i & 4 ? t.push(r) : Zn(r) && (i & 16 && this.add_dirty_reaction(r, _), rr(r));
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
					r & 4194320 && !this.async_deriveds.has(i) && (this.#s.delete(i), A(i, g), this.schedule(i));
				}
			}
		};
		for (let e of this.current.keys()) t(e);
		this.oncommit(() => e.discard()), e.#b(), M = this, this.#m();
	}
	#y(e) {
		for (var t = 0; t < e.length; t += 1) $e(e[t], this.#s);
	}
	capture(e, t, n = !1) {
		e.v !== w && !this.previous.has(e) && this.previous.set(e, e.v), e.f & 8388608 || (this.current.set(e, [t, n]), yt?.set(e, t)), this.is_fork || (e.v = t);
	}
	activate() {
		M = this;
	}
	deactivate() {
		M = null, yt = null;
	}
	flush() {
		try {
			St = !0, M = this, this.#m();
		} finally {
			Tt = 0, bt = null, Ct = null, wt = null, St = !1, M = null, yt = null, It.clear();
		}
	}
	discard() {
		for (let e of this.#t) e(this);
		this.#t.clear();
		for (let e of this.async_deriveds.values()) e.reject(lt);
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
		this.#u || (this.#u = !0, Ye(() => {
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
		if (M === null) {
			let t = M = new e();
			!St && !xt && Ye(() => {
				t.started || t.flush();
			});
		}
		return M;
	}
	apply() {
		yt = null;
	}
	schedule(e) {
		bt = e, e.b?.is_pending && e.f & 16777228 && !(e.f & 32768) ? e.b.defer_effect(e) : this.#a.push(e);
	}
	#b() {
		if (this.linked) {
			var e = this.prev, t = this.next;
			e === null || (e.next = t), t === null ? _t = e : t.prev = e, this.linked = !1;
		}
	}
};
function Ot(e) {
	var t = xt, n = vt;
	vt = null, xt = !0;
	try {
		var r;
		for (e && (Ot(), r = e());;) {
			if (Xe(), M === null) return r;
			M.flush();
		}
	} finally {
		xt = t, vt = n;
	}
}
function kt() {
	try {
		Le();
	} catch (e) {
		ln(e, bt);
	}
}
var At = null;
function jt(e) {
	var t = e.length;
	if (t !== 0) {
		for (var n = 0; n < t;) {
			var r = e[n++];
			if (!(r.f & 24576) && Zn(r) && (At = /* @__PURE__ */ new Set(), rr(r), r.deps === null && r.first === null && r.nodes === null && r.teardown === null && r.ac === null && On(r), At?.size > 0)) {
				It.clear();
				for (let e of At) {
					if (e.f & 24576) continue;
					let t = [e], n = e.parent;
					for (; n !== null;) At.has(n) && (At.delete(n), t.push(n)), n = n.parent;
					for (let e = t.length - 1; e >= 0; e--) {
						let n = t[e];
						n.f & 24576 || rr(n);
					}
				}
				At.clear();
			}
		}
		At = null;
	}
}
function Mt(e) {
	M.schedule(e);
}
function Nt(e, t) {
	if (!(e.f & 32 && e.f & 1024)) {
		e.f & 2048 ? t.d.push(e) : e.f & 4096 && t.m.push(e), A(e, h);
		for (var n = e.first; n !== null;) Nt(n, t), n = n.next;
	}
}
function Pt(e) {
	A(e, h);
	for (var t = e.first; t !== null;) Pt(t), t = t.next;
}
// node_modules/svelte/src/internal/client/reactivity/sources.js
var Ft = /* @__PURE__ */ new Set(), It = /* @__PURE__ */ new Map(), Lt = !1;
function Rt(e, t) {
	return {
		f: 0,
		v: e,
		reactions: null,
		equals: Oe,
		rv: 0,
		wv: 0
	};
}
/*#__NO_SIDE_EFFECTS__*/
function N(e, t) {
	let n = Rt(e, t);
	return Vn(n), n;
}
/*#__NO_SIDE_EFFECTS__*/
function zt(e, t = !1, n = !0) {
	let r = Rt(e);
	return t || (r.equals = Ae), r;
}
function P(e, t, n = !1) {
	return V !== null && (!Ln || V.f & 131072) && Ke() && V.f & 4325394 && (Bn === null || !Bn.has(e)) && Ve(), Ht(e, n ? Kt(t) : t, wt);
}
var Bt = null, Vt = 0;
function Ht(e, t, n = null) {
	if (!e.equals(t)) {
		Fn ? It.set(e, t) : It.has(e) || It.set(e, e.v);
		var r = Dt.ensure();
		if (r.capture(e, t), e.f & 2) {
			let t = e;
			e.f & 2048 && pt(t), yt === null && Qe(t);
		}
		e.wv = Xn(), Bt = null, Vt = 0, Gt(e, g, n), Bt = null, Ke() && H !== null && H.f & 1024 && !(H.f & 96) && (Wn === null ? Gn([e]) : Wn.push(e)), !r.is_fork && Ft.size > 0 && !Lt && Ut();
	}
	return t;
}
function Ut() {
	Lt = !1;
	for (let e of Ft) {
		e.f & 1024 && A(e, _);
		let t;
		try {
			t = Zn(e);
		} catch {
			t = !0;
		}
		t && rr(e);
	}
	Ft.clear();
}
function Wt(e) {
	P(e, e.v + 1);
}
function Gt(e, t, n) {
	var r = e.reactions;
	if (r !== null) {
		var i = Ke(), a = r.length;
		if (Vt += a, Vt > 1e5 && Bt === null && (Bt = /* @__PURE__ */ new Set()), Bt !== null) {
			if (Bt.has(e)) return;
			Bt.add(e);
		}
		for (var o = 0; o < a; o++) {
			var s = r[o], c = s.f;
			if (i || s !== H) {
				var l = (c & g) === 0;
				if (l && A(s, t), c & 131072) Ft.add(s);
				else if (c & 2) {
					var u = s;
					yt?.delete(u), Gt(u, _, n);
				} else if (l) {
					var d = s;
					c & 16 && At !== null && At.add(d), n === null ? Mt(d) : n.push(d);
				}
			}
		}
	}
}
function Kt(t) {
	if (typeof t != "object" || !t || ae in t || oe in t) return t;
	let n = l(t);
	if (n !== s && n !== c) return t;
	var r = /* @__PURE__ */ new Map(), i = e(t), o = /* @__PURE__ */ N(0), u = null, d = Jn, f = (e) => {
		if (Jn === d) return e();
		var t = V, n = Jn;
		Rn(null), Yn(d);
		var r = e();
		return Rn(t), Yn(n), r;
	};
	return i && r.set("length", /* @__PURE__ */ N(t.length, u)), new Proxy(t, {
		defineProperty(e, t, n) {
			"value" in n && n.configurable !== !1 && n.enumerable !== !1 && n.writable !== !1 || ze();
			var i = r.get(t);
			return i === void 0 ? f(() => {
				var e = /* @__PURE__ */ N(n.value, u);
				return r.set(t, e), e;
			}) : P(i, n.value, !0), !0;
		},
		deleteProperty(e, t) {
			var n = r.get(t);
			if (n === void 0) {
				if (t in e) {
					let e = f(() => /* @__PURE__ */ N(w, u));
					r.set(t, e), Wt(o);
				}
			} else P(n, w), Wt(o);
			return !0;
		},
		get(e, n, i) {
			if (n === ae) return t;
			var o = r.get(n), s = n in e;
			if (o === void 0 && (!s || a(e, n)?.writable) && (o = f(() => /* @__PURE__ */ N(Kt(s ? e[n] : w), u)), r.set(n, o)), o !== void 0) {
				var c = U(o);
				return c === w ? void 0 : c;
			}
			return Reflect.get(e, n, i);
		},
		getOwnPropertyDescriptor(e, t) {
			this.has?.(e, t);
			var n = Reflect.getOwnPropertyDescriptor(e, t), i = r.get(t);
			if (i !== void 0) {
				var a = U(i);
				if (a === w) return;
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
			if (t === ae) return !0;
			var n = r.get(t), i = n !== void 0 && n.v !== w || Reflect.has(e, t);
			return (n !== void 0 || (H !== null || V !== null) && (!i || a(e, t)?.writable)) && (n === void 0 && (n = f(() => /* @__PURE__ */ N(i ? Kt(e[t]) : w, u)), r.set(t, n)), U(n) === w) ? !1 : i;
		},
		set(e, t, n, s) {
			var c = r.get(t), l = t in e;
			if (i && t === "length") for (var d = n; d < c.v; d += 1) {
				var p = r.get(d + "");
				p === void 0 ? d in e && (p = f(() => /* @__PURE__ */ N(w, u)), r.set(d + "", p)) : P(p, w);
			}
			if (c === void 0) (!l || a(e, t)?.writable) && (c = f(() => /* @__PURE__ */ N(void 0, u)), P(c, Kt(n)), r.set(t, c));
			else {
				l = c.v !== w;
				var m = f(() => Kt(n));
				P(c, m);
			}
			var h = Reflect.getOwnPropertyDescriptor(e, t);
			if (h?.set && h.set.call(s, n), !l) {
				if (i && typeof t == "string") {
					var g = r.get("length"), _ = Number(t);
					Number.isInteger(_) && _ >= g.v && P(g, _ + 1);
				}
				Wt(o);
			}
			return !0;
		},
		ownKeys(e) {
			U(o);
			var t = Reflect.ownKeys(e).filter((e) => {
				var t = r.get(e);
				return t === void 0 || t.v !== w;
			});
			for (var [n, i] of r) i.v !== w && !(n in e) && t.push(n);
			return t;
		},
		setPrototypeOf() {
			Be();
		}
	});
}
function qt(e) {
	try {
		if (typeof e == "object" && e && ae in e) return e[ae];
	} catch {}
	return e;
}
function Jt(e, t) {
	return Object.is(qt(e), qt(t));
}
var Yt, Xt, Zt, Qt;
function $t() {
	if (Yt === void 0) {
		Yt = window, Xt = /Firefox/.test(navigator.userAgent);
		var e = Element.prototype, t = Node.prototype, n = Text.prototype;
		Zt = a(t, "firstChild").get, Qt = a(t, "nextSibling").get, u(e) && (e[ue] = void 0, e[le] = null, e[de] = void 0, e.__e = void 0), u(n) && (n[fe] = void 0);
	}
}
function en(e = "") {
	return document.createTextNode(e);
}
/*@__NO_SIDE_EFFECTS__*/
function tn(e) {
	return Zt.call(e);
}
/*@__NO_SIDE_EFFECTS__*/
function nn(e) {
	return Qt.call(e);
}
function F(e, t) {
	if (!T) return /* @__PURE__ */ tn(e);
	var n = /* @__PURE__ */ tn(E);
	if (n === null) n = E.appendChild(en());
	else if (t && n.nodeType !== 3) {
		var r = en();
		return n?.before(r), Ce(r), r;
	}
	return t && sn(n), Ce(n), n;
}
function I(e, t = !1) {
	if (!T) {
		var n = /* @__PURE__ */ tn(e);
		return n instanceof Comment && n.data === "" ? /* @__PURE__ */ nn(n) : n;
	}
	if (t) {
		if (E?.nodeType !== 3) {
			var r = en();
			return E?.before(r), Ce(r), r;
		}
		sn(E);
	}
	return E;
}
function L(e, t = !1) {
	if (!T) return /* @__PURE__ */ tn(e);
	var n = F(e, t);
	return D(e), n;
}
function R(e, t = 1, n = !1) {
	let r = T ? E : e;
	for (var i; t--;) i = r, r = /* @__PURE__ */ nn(r);
	if (!T) return r;
	if (n) {
		if (r?.nodeType !== 3) {
			var a = en();
			return r === null ? i?.after(a) : r.before(a), Ce(a), a;
		}
		sn(r);
	}
	return Ce(r), r;
}
function rn(e) {
	e.textContent = "";
}
function an() {
	return !1;
}
function on(e, t, n) {
	return t == null || t === "http://www.w3.org/1999/xhtml" ? n ? document.createElement(e, { is: n }) : document.createElement(e) : n ? document.createElementNS(t, e, { is: n }) : document.createElementNS(t, e);
}
function sn(e) {
	if (e.nodeValue.length < 65536) return;
	let t = e.nextSibling;
	for (; t !== null && t.nodeType === 3;) t.remove(), e.nodeValue += t.nodeValue, t = e.nextSibling;
}
function cn(e) {
	var t = H;
	if (t === null) return V.f |= ie, e;
	if (!(t.f & 32768) && !(t.f & 4)) throw e;
	ln(e, t);
}
function ln(e, t) {
	if (e === ge) throw e;
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
function un(e) {
	H === null && (V === null && Ie(e), Fe()), Fn && Pe(e);
}
function dn(e, t) {
	var n = t.last;
	n === null ? t.last = t.first = e : (n.next = e, e.prev = n, t.last = e);
}
function fn(e, t) {
	var n = H;
	n !== null && n.f & 8192 && (e |= v);
	var r = {
		ctx: Ue,
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
	M?.register_created_effect(r);
	var i = r;
	if (e & 4) Ct === null ? Dt.ensure().schedule(r) : Ct.push(r);
	else if (t !== null) {
		try {
			rr(r);
		} catch (e) {
			throw En(r), e;
		}
		i.deps === null && i.teardown === null && i.nodes === null && i.first === i.last && !(i.f & 524288) && (i = i.first, e & 16 && e & 65536 && i !== null && (i.f |= S));
	}
	if (i !== null && (i.parent = n, n !== null && dn(i, n), V !== null && V.f & 2 && !(e & 64))) {
		var a = V;
		(a.effects ??= []).push(i);
	}
	return r;
}
function pn() {
	return V !== null && !Ln;
}
function mn(e) {
	let t = fn(8, null);
	return A(t, h), t.teardown = e, t;
}
function z(e) {
	un("$effect");
	var t = H.f;
	if (!V && t & 32 && Ue !== null && !Ue.i) {
		var n = Ue;
		(n.e ??= []).push(e);
	} else return hn(e);
}
function hn(e) {
	return fn(4 | ee, e);
}
function gn(e) {
	Dt.ensure();
	let t = fn(64 | C, e);
	return () => {
		En(t);
	};
}
function _n(e) {
	Dt.ensure();
	let t = fn(64 | C, e);
	return (e = {}) => new Promise((n) => {
		e.outro ? kn(t, () => {
			En(t), n(void 0);
		}) : (En(t), n(void 0));
	});
}
function vn(e) {
	return fn(4, e);
}
function yn(e) {
	return fn(re | C, e);
}
function bn(e, t = 0) {
	return fn(8 | t, e);
}
function B(e, t = [], n = [], r = []) {
	it(r, t, n, (t) => {
		fn(8, () => {
			e(...t.map(U));
		});
	});
}
function xn(e, t = 0) {
	return fn(16 | t, e);
}
function Sn(e) {
	return fn(32 | C, e);
}
function Cn(e) {
	var t = e.teardown;
	if (t !== null) {
		let n = Fn, r = V;
		In(!0), Rn(null);
		try {
			t.call(null);
		} catch (t) {
			ln(t, e.parent);
		} finally {
			In(n), Rn(r);
		}
	}
}
function wn(e, t = !1) {
	var n = e.first;
	for (e.first = e.last = null; n !== null;) {
		let e = n.ac;
		e !== null && nt(() => {
			e.abort(me);
		});
		var r = n.next;
		n.f & 64 ? n.parent = null : En(n, t), n = r;
	}
}
function Tn(e) {
	for (var t = e.first; t !== null;) {
		var n = t.next;
		t.f & 32 || En(t), t = n;
	}
}
function En(e, t = !0) {
	var n = !1;
	(t || e.f & 262144) && e.nodes !== null && e.nodes.end !== null && (Dn(e.nodes.start, e.nodes.end), n = !0), e.f |= x, wn(e, t && !n), nr(e, 0);
	var r = e.nodes && e.nodes.t;
	if (r !== null) for (let e of r) e.stop();
	Cn(e), e.f ^= x, e.f |= y;
	var i = e.parent;
	i !== null && i.first !== null && On(e), e.next = e.prev = e.teardown = e.ctx = e.deps = e.fn = e.nodes = e.ac = e.b = null;
}
function Dn(e, t) {
	for (; e !== null;) {
		var n = e === t ? null : /* @__PURE__ */ nn(e);
		e.remove(), e = n;
	}
}
function On(e) {
	var t = e.parent, n = e.prev, r = e.next;
	n !== null && (n.next = r), r !== null && (r.prev = n), t !== null && (t.first === e && (t.first = r), t.last === e && (t.last = n));
}
function kn(e, t, n = !0) {
	var r = [];
	e.f |= 256, An(e, r, !0);
	var i = () => {
		n && En(e), t && t();
	}, a = r.length;
	if (a > 0) {
		var o = () => --a || i();
		for (var s of r) s.out(o);
	} else i();
}
function An(e, t, n) {
	if (!(e.f & 8192)) {
		e.f ^= v;
		var r = e.nodes && e.nodes.t;
		if (r !== null) for (let e of r) (e.is_global || n) && t.push(e);
		for (var i = e.first; i !== null;) {
			var a = i.next;
			if (!(i.f & 64)) {
				var o = !!(i.f & 65536) || !!(i.f & 32) && !!(e.f & 16);
				An(i, t, o ? n : !1);
			}
			i = a;
		}
	}
}
function jn(e) {
	e.f &= -257, Mn(e, !0);
}
function Mn(e, t) {
	if (!(e.f & 256) && e.f & 8192) {
		e.f ^= v, e.f & 1024 || (A(e, g), Dt.ensure().schedule(e));
		for (var n = e.first; n !== null;) {
			var r = n.next, i = !!(n.f & 65536) || !!(n.f & 32);
			Mn(n, i ? t : !1), n = r;
		}
		var a = e.nodes && e.nodes.t;
		if (a !== null) for (let e of a) (e.is_global || t) && e.in();
	}
}
function Nn(e, t) {
	if (e.nodes) for (var n = e.nodes.start, r = e.nodes.end; n !== null;) {
		var i = n === r ? null : /* @__PURE__ */ nn(n);
		t.append(n), n = i;
	}
}
// node_modules/svelte/src/internal/client/legacy.js
var Pn = null, Fn = !1;
function In(e) {
	Fn = e;
}
var V = null, Ln = !1;
function Rn(e) {
	V = e;
}
var H = null;
function zn(e) {
	H = e;
}
var Bn = null;
function Vn(e) {
	V !== null && (V.f & 2097152 || V.f & 2) && (Bn ??= /* @__PURE__ */ new Set()).add(e);
}
var Hn = null, Un = 0, Wn = null;
function Gn(e) {
	Wn = e;
}
var Kn = 1, qn = 0, Jn = qn;
function Yn(e) {
	Jn = e;
}
function Xn() {
	return ++Kn;
}
function Zn(e) {
	var t = e.f;
	if (t & 2048) return !0;
	if (t & 4096) {
		for (var n = e.deps, r = n.length, i = 0; i < r; i++) {
			var a = n[i];
			if (Zn(a) && mt(a), a.wv > e.wv) return !0;
		}
		t & 512 && yt === null && A(e, h);
	}
	return !1;
}
function Qn(e, t, n = !0) {
	var r = e.reactions;
	if (r !== null && !(Bn !== null && Bn.has(e))) for (var i = 0; i < r.length; i++) {
		var a = r[i];
		a.f & 2 ? Qn(a, t, !1) : t === a && (n ? A(a, g) : a.f & 1024 && A(a, _), Mt(a));
	}
}
function $n(e) {
	var t = Hn, n = Un, r = Wn, i = V, a = Bn, o = Ue, s = Ln, c = Jn, l = e.f;
	Hn = null, Un = 0, Wn = null, V = l & 96 ? null : e, Bn = null, We(e.ctx), Ln = !1, Jn = ++qn, e.ac !== null && (nt(() => {
		e.ac.abort(me);
	}), e.ac = null);
	try {
		e.f |= ne;
		var u = e.fn, d = u();
		e.f |= b;
		var f = er(e);
		if (Ke() && Wn !== null && !Ln && f !== null && !(e.f & 6146)) for (var p = 0; p < Wn.length; p++) Qn(Wn[p], e);
		if (i !== null && i !== e) {
			if (qn++, i.deps !== null) for (let e = 0; e < n; e += 1) i.deps[e].rv = qn;
			if (t !== null) for (let e of t) e.rv = qn;
			Wn !== null && (r === null ? r = Wn : r.push(...Wn));
		}
		return e.f & 8388608 && (e.f ^= ie), d;
	} catch (t) {
		return er(e), cn(t);
	} finally {
		e.f ^= ne, Hn = t, Un = n, Wn = r, V = i, Bn = a, We(o), Ln = s, Jn = c;
	}
}
function er(e) {
	var t = e.deps, n = M?.is_fork;
	if (Hn !== null) {
		var r;
		if (n || nr(e, Un), t !== null && Un > 0) for (t.length = Un + Hn.length, r = 0; r < Hn.length; r++) t[Un + r] = Hn[r];
		else e.deps = t = Hn;
		if (pn() && e.f & 512) for (r = Un; r < t.length; r++) (t[r].reactions ??= []).push(e);
	} else !n && t !== null && Un < t.length && (nr(e, Un), t.length = Un);
	return t;
}
function tr(e, r) {
	let i = r.reactions;
	if (i !== null) {
		var a = t.call(i, e);
		if (a !== -1) {
			var o = i.length - 1;
			o === 0 ? i = r.reactions = null : (i[a] = i[o], i.pop());
		}
	}
	if (i === null && r.f & 2 && (Hn === null || !n.call(Hn, r))) {
		var s = r;
		s.f & 512 && (s.f ^= 512), s.v !== w && Qe(s), s.ac !== null && nt(() => {
			s.ac.abort(me), s.ac = null, A(s, g);
		}), ht(s), nr(s, 0);
	}
}
function nr(e, t) {
	var n = e.deps;
	if (n !== null) for (var r = t; r < n.length; r++) tr(e, n[r]);
}
function rr(e) {
	var t = e.f;
	if (!(t & 16384)) {
		A(e, h);
		var n = H;
		H = e;
		try {
			t & 16777232 ? Tn(e) : wn(e), Cn(e);
			var r = $n(e);
			e.teardown = typeof r == "function" ? r : null, e.wv = Kn;
		} finally {
			H = n;
		}
	}
}
async function ir() {
	await Promise.resolve(), Ot();
}
function U(e) {
	var t = !!(e.f & 2);
	if (Pn?.add(e), V !== null && !Ln && !(H !== null && H.f & 16384) && (Bn === null || !Bn.has(e))) {
		var r = V.deps;
		if (V.f & 2097152) e.rv < qn && (e.rv = qn, Hn === null && r !== null && r[Un] === e ? Un++ : Hn === null ? Hn = [e] : Hn.push(e));
		else {
			V.deps ??= [], n.call(V.deps, e) || V.deps.push(e);
			var i = e.reactions;
			i === null ? e.reactions = [V] : n.call(i, V) || i.push(V);
		}
	}
	if (Fn && It.has(e)) return It.get(e);
	if (t) {
		var a = e;
		if (Fn) {
			var o = a.v;
			return (!(a.f & 1024) && a.reactions !== null || or(a)) && (o = pt(a)), It.set(a, o), o;
		}
		var s = !(a.f & 512) && !Ln && V !== null && !!(V.f & 512), c = (a.f & b) === 0;
		Zn(a) && (s && (a.f |= 512), mt(a)), s && !c && (gt(a), ar(a));
	}
	if (yt?.has(e)) return yt.get(e);
	if (e.f & 8388608) throw e.v;
	return e.v;
}
function ar(e) {
	if (e.f |= 512, e.deps !== null) for (let r of e.deps) {
		var t = r.reactions;
		t === null ? r.reactions = [e] : n.call(t, e) || t.push(e), r.f & 2 && !(r.f & 512) && (gt(r), ar(r));
	}
}
function or(e) {
	if (e.v === w) return !0;
	if (e.deps === null) return !1;
	for (let t of e.deps) if (It.has(t) || t.f & 2 && or(t)) return !0;
	return !1;
}
function sr(e) {
	var t = Ln;
	try {
		return Ln = !0, e();
	} finally {
		Ln = t;
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
		if (r.capture || vr.call(t, e), !e.cancelBubble) return nt(() => n?.call(this, e));
	}
	return e.startsWith("pointer") || e.startsWith("touch") || e === "wheel" ? (i.__removed = !1, Ye(() => {
		i.__removed || t.addEventListener(e, i, r);
	})) : t.addEventListener(e, i, r), i;
}
function mr(e, t, n, r, i) {
	var a = {
		capture: r,
		passive: i
	}, o = pr(e, t, n, a);
	(t === document.body || t === window || t === document || t instanceof HTMLMediaElement) && mn(() => {
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
		var d = V, f = H;
		Rn(null), zn(null);
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
			e[ur] = t, delete e.currentTarget, Rn(d), zn(f);
		}
	}
}
// node_modules/svelte/src/internal/client/dom/reconciler.js
var yr = globalThis?.window?.trustedTypes && /* @__PURE__ */ globalThis.window.trustedTypes.createPolicy("svelte-trusted-html", { createHTML: (e) => e });
function br(e) {
	return yr?.createHTML(e) ?? e;
}
function xr(e) {
	var t = on("template");
	return t.innerHTML = br(e.replaceAll("<!>", "<!---->")), t.content;
}
// node_modules/svelte/src/internal/client/dom/template.js
function Sr(e, t) {
	var n = H;
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
		if (T) return Sr(E, null), E;
		i === void 0 && (i = xr(a ? e : "<!>" + e), n || (i = /* @__PURE__ */ tn(i)));
		var t = r || Xt ? document.importNode(i, !0) : i.cloneNode(!0);
		if (n) {
			var o = /* @__PURE__ */ tn(t), s = t.lastChild;
			Sr(o, s);
		} else Sr(t, t);
		return t;
	};
}
/*#__NO_SIDE_EFFECTS__*/
function Cr(e, t, n = "svg") {
	var r = !e.startsWith("<!>"), i = !!(t & 1), a = `<${n}>${r ? e : "<!>" + e}</${n}>`, o;
	return () => {
		if (T) return Sr(E, null), E;
		if (!o) {
			var e = /* @__PURE__ */ tn(xr(a));
			if (i) for (o = document.createDocumentFragment(); /* @__PURE__ */ tn(e);) o.appendChild(/* @__PURE__ */ tn(e));
			else o = /* @__PURE__ */ tn(e);
		}
		var t = o.cloneNode(!0);
		if (i) {
			var n = /* @__PURE__ */ tn(t), r = t.lastChild;
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
	if (!T) {
		var t = en(e + "");
		return Sr(t, t), t;
	}
	var n = E;
	return n.nodeType === 3 ? sn(n) : (n.before(n = en()), Ce(n)), Sr(n, n), n;
}
function Er() {
	if (T) return Sr(E, null), E;
	var e = document.createDocumentFragment(), t = document.createComment(""), n = en();
	return e.append(t, n), Sr(t, n), e;
}
function K(e, t) {
	if (T) {
		var n = H;
		n.f & 32768 && n.nodes.end !== null || (n.nodes.end = E), we();
	} else e !== null && e.before(t);
}
function Dr() {
	if (T && E && E.nodeType === 8 && E.textContent?.startsWith("$")) {
		let e = E.textContent.substring(1);
		return we(), e;
	}
	return (window.__svelte ??= {}).uid ??= 1, `c${window.__svelte.uid++}`;
}
// node_modules/svelte/src/reactivity/create-subscriber.js
function Or(e) {
	let t = 0, n = Rt(0), r;
	return () => {
		pn() && (U(n), bn(() => (t === 0 && (r = sr(() => e(() => Wt(n)))), t += 1, () => {
			Ye(() => {
				--t, t === 0 && (r?.(), r = void 0, Wt(n));
			});
		})));
	};
}
// node_modules/svelte/src/internal/client/dom/blocks/boundary.js
var kr = S | C;
function Ar(e, t, n, r) {
	new jr(e, t, n, r);
}
var jr = class {
	parent;
	is_pending = !1;
	transform_error;
	#e;
	#t = T ? E : null;
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
	#m = Or(() => (this.#p = Rt(this.#l), () => {
		this.#p = null;
	}));
	constructor(e, t, n, r) {
		this.#e = e, this.#n = t, this.#r = (e) => {
			var t = H;
			t.b = this, t.f |= 128, n(e);
		}, this.parent = H.b, this.transform_error = r ?? this.parent?.transform_error ?? ((e) => e), this.#i = xn(() => {
			if (T) {
				let e = De(this.#t);
				we();
				let t = e === "[!";
				if (e.startsWith("[?")) {
					let t = JSON.parse(e.slice(2));
					this.#g(t);
				} else t ? this.#y() : this.#h();
			} else this.#b();
		}, kr), T && (this.#e = E);
	}
	#h() {
		try {
			this.#a = Sn(() => this.#r(this.#e));
		} catch (e) {
			this.error(e);
		}
	}
	#g(e) {
		let t = this.#n.failed, { reset: n, invoke_onerror: r } = this.#_(e);
		Ye(r), t && (this.#s = Sn(() => {
			t(this.#e, () => e, () => n);
		}));
	}
	#_(e) {
		var t = !1, n = !1;
		let r = () => {
			this.#v() || (t ? xe() : (t = !0, n && He(), this.#s !== null && kn(this.#s, () => {
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
					ln(e, this.#i && this.#i.parent);
				}
			}
		};
	}
	#v() {
		return (this.#i.f & (y | x)) !== 0;
	}
	#y() {
		let e = this.#n.pending;
		e && (this.is_pending = !0, this.#o = Sn(() => e(this.#e)), Ye(() => {
			if (!this.#v()) {
				var e = this.#c = document.createDocumentFragment(), t = en(), n = !1;
				e.append(t), this.#a = this.#S(() => {
					try {
						return Sn(() => this.#r(t));
					} catch (e) {
						try {
							this.error(e), n = !0;
						} catch (e) {
							ln(e, this.#i.parent);
						}
						return null;
					}
				}), this.#a === null ? (this.#c = null, n && this.#x(M)) : this.#u === 0 && (this.#e.before(e), this.#c = null, kn(this.#o, () => {
					this.#o = null;
				}), this.#x(M));
			}
		}));
	}
	#b() {
		try {
			if (this.is_pending = this.has_pending_snippet(), this.#u = 0, this.#l = 0, this.#a = Sn(() => {
				this.#r(this.#e);
			}), this.#u > 0) {
				var e = this.#c = document.createDocumentFragment();
				Nn(this.#a, e);
				let t = this.#n.pending;
				this.#o = Sn(() => t(this.#e));
			} else this.#x(M);
		} catch (e) {
			this.error(e);
		}
	}
	#x(e) {
		this.is_pending = !1, e.transfer_reactions(this.#f);
	}
	defer_effect(e) {
		$e(e, this.#f);
	}
	is_rendered() {
		return !this.is_pending && (!this.parent || this.parent.is_rendered());
	}
	has_pending_snippet() {
		return !!this.#n.pending;
	}
	#S(e) {
		var t = H, n = V, r = Ue;
		zn(this.#i), Rn(this.#i), We(this.#i.ctx);
		try {
			return Dt.ensure(), e();
		} finally {
			zn(t), Rn(n), We(r);
		}
	}
	#C(e, t) {
		this.has_pending_snippet() ? (this.#u += e, this.#u === 0 && (this.#x(t), this.#o && kn(this.#o, () => {
			this.#o = null;
		}), this.#c &&= (this.#e.before(this.#c), null))) : this.parent && this.parent.#C(e, t);
	}
	update_pending_count(e, t) {
		this.#C(e, t), this.#l += e, !this.#p || this.#d || (this.#d = !0, Ye(() => {
			this.#d = !1, this.#p && Ht(this.#p, this.#l);
		}));
	}
	get_effect_pending() {
		return this.#m(), U(this.#p);
	}
	error(e) {
		if (e === ge || !this.#n.onerror && !this.#n.failed) throw e;
		M?.is_fork ? (this.#a && M.skip_effect(this.#a), this.#o && M.skip_effect(this.#o), this.#s && M.skip_effect(this.#s), M.oncommit(() => {
			this.#v() || this.#w(e);
		})) : this.#w(e);
	}
	#w(e) {
		this.#a &&= (En(this.#a), null), this.#o &&= (En(this.#o), null), this.#s &&= (En(this.#s), null), T && (Ce(this.#t), Te(), Ce(Ee()));
		let t = this.#n.failed, n = (e) => {
			if (this.#v()) return;
			let { reset: n, invoke_onerror: r } = this.#_(e);
			r(), t && !this.#v() && (this.#s = this.#S(() => {
				try {
					return Sn(() => {
						var r = H;
						r.b = this, r.f |= 128, t(this.#e, () => e, () => n);
					});
				} catch (e) {
					return ln(e, this.#i.parent), null;
				}
			}));
		};
		Ye(() => {
			if (!this.#v()) {
				var t;
				try {
					t = this.transform_error(e);
				} catch (e) {
					ln(e, this.#i && this.#i.parent);
					return;
				}
				typeof t == "object" && t && typeof t.then == "function" ? t.then(n, (e) => ln(e, this.#i && this.#i.parent)) : n(t);
			}
		});
	}
};
function q(e, t) {
	var n = t == null ? "" : typeof t == "object" ? `${t}` : t;
	n !== (e[fe] ??= e.nodeValue) && (e[fe] = n, e.nodeValue = `${n}`);
}
function Mr(e, t) {
	return Pr(e, t);
}
var Nr = /* @__PURE__ */ new Map();
function Pr(e, { target: t, anchor: n, props: i = {}, events: a, context: o, intro: s = !0, transformError: c }) {
	$t();
	var l = void 0, u = _n(() => {
		var s = n ?? t.appendChild(en());
		Ar(s, { pending: () => {} }, (t) => {
			O({});
			var n = Ue;
			if (o && (n.c = o), a && (i.$$events = a), T && Sr(t, null), l = e(t, i) || Ge(), T && (H.nodes.end = E, E === null || E.nodeType !== 8 || E.data !== "]")) throw ye(), ge;
			k();
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
			if (n) jn(n), this.#r.delete(t);
			else {
				var r = this.#n.get(t);
				r && (jn(r.effect), this.#t.set(t, r.effect), this.#n.delete(t), r.fragment.lastChild.remove(), this.anchor.before(r.fragment), n = r.effect);
			}
			for (let [t, n] of this.#e) {
				if (this.#e.delete(t), t === e) break;
				let r = this.#n.get(n);
				r && (En(r.effect), this.#n.delete(n));
			}
			for (let [e, r] of this.#t) {
				if (e === t || this.#r.has(e)) continue;
				let i = () => {
					if (Array.from(this.#e.values()).includes(e)) {
						var t = document.createDocumentFragment();
						Nn(r, t), t.append(en()), this.#n.set(e, {
							effect: r,
							fragment: t
						});
					} else En(r);
					this.#r.delete(e), this.#t.delete(e);
				};
				this.#i || !n ? (this.#r.add(e), kn(r, i, !1)) : i();
			}
		}
	};
	#o = (e) => {
		this.#e.delete(e);
		let t = Array.from(this.#e.values());
		for (let [e, n] of this.#n) t.includes(e) || (En(n.effect), this.#n.delete(e));
	};
	ensure(e, t) {
		var n = M, r = an();
		if (t && !this.#t.has(e) && !this.#n.has(e)) {
			if (r) {
				var i = document.createDocumentFragment(), a = en();
				i.append(a), this.#n.set(e, {
					effect: Sn(() => t(a)),
					fragment: i
				});
			} else this.#t.set(e, Sn(() => t(this.anchor)));
		}
		if (this.#e.set(n, e), r) {
			for (let [t, r] of this.#t) t === e ? n.unskip_effect(r) : n.skip_effect(r);
			for (let [t, r] of this.#n) t === e ? n.unskip_effect(r.effect) : n.skip_effect(r.effect);
			n.oncommit(this.#a), n.ondiscard(this.#o);
		} else T && (this.anchor = E), this.#a(n);
	}
};
// node_modules/svelte/src/internal/client/dom/blocks/if.js
function J(e, t, n = !1) {
	var r;
	T && (r = E, we());
	var i = new Ir(e), a = n ? S : 0;
	function o(e, t) {
		if (T) {
			var n = De(r);
			if (e !== parseInt(n.substring(1))) {
				var a = Ee();
				Ce(a), i.anchor = a, Se(!1), i.ensure(e, t), Se(!0);
				return;
			}
		}
		i.ensure(e, t);
	}
	xn(() => {
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
		kn(n, () => {
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
			rn(d), d.append(u), e.items.clear();
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
		r?.has(a) ? (a.f |= te, Nn(a, document.createDocumentFragment())) : En(t[i], n);
	}
}
var zr;
function X(t, n, i, a, o, s = null) {
	var c = t, l = /* @__PURE__ */ new Map();
	if (n & 4) {
		var u = t;
		c = T ? Ce(/* @__PURE__ */ tn(u)) : u.appendChild(en());
	}
	T && we();
	var d = null, f = /* @__PURE__ */ dt(() => {
		var t = i();
		return e(t) ? t : t == null ? [] : r(t);
	}), p = /* @__PURE__ */ new Map(), m = !0;
	function h(e) {
		if (!(_.effect.f & 16384)) {
			_.pending.delete(e);
			var t = U(f);
			_.fallback = d, Vr(_, t, c, n, a), d !== null && (t.length === 0 ? d.f & 33554432 ? (d.f ^= te, Ur(d, null, c)) : jn(d) : kn(d, () => {
				d = null;
			}));
		}
	}
	function g(e) {
		_.pending.delete(e);
	}
	var _ = {
		effect: xn(() => {
			var e = U(f), t = e.length;
			let r = !1;
			T && De(c) === "[!" != (t === 0) && (c = Ee(), Ce(c), Se(!1), r = !0);
			for (var u = /* @__PURE__ */ new Set(), _ = M, v = an(), y = 0; y < t; y += 1) {
				T && E.nodeType === 8 && E.data === "]" && (c = E, r = !0, Se(!1));
				var b = e[y], x = a(b, y), S = m ? null : l.get(x);
				S ? (S.v && Ht(S.v, b), S.i && Ht(S.i, y), v && _.unskip_effect(S.e)) : (S = Hr(l, m ? c : zr ??= en(), b, x, y, o, n, i), m || (S.e.f |= te), l.set(x, S)), u.add(x);
			}
			if (t === 0 && s && !d && (m ? d = Sn(() => s(c)) : (d = Sn(() => s(zr ??= en())), d.f |= te)), t > u.size && Ne("", "", ""), T && t > 0 && Ce(Ee()), !m) {
				if (p.set(_, u), v) {
					for (let [e, t] of l) u.has(e) || _.skip_effect(t.e);
					_.oncommit(h), _.ondiscard(g);
				} else h(_);
			}
			r && Se(!0), U(f);
		}),
		flags: n,
		items: l,
		pending: p,
		outrogroups: null,
		fallback: d
	};
	m = !1, T && (c = E);
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
		if (_.f & 8192 && (jn(_), o && (_.nodes?.a?.unfix(), (f ??= /* @__PURE__ */ new Set()).delete(_))), _.f & 33554432) {
			if (_.f ^= te, _ === l) Ur(_, null, n);
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
					var S = p[0], C = p[p.length - 1];
					for (x = 0; x < p.length; x += 1) Ur(p[x], b, n);
					for (x = 0; x < m.length; x += 1) u.delete(m[x]);
					Wr(e, S.prev, C.next), Wr(e, d, S), Wr(e, C, b), l = b, d = C, --v, p = [], m = [];
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
		var ee = [];
		if (u !== void 0) for (_ of u) _.f & 8192 || ee.push(_);
		for (; l !== null;) !(l.f & 8192) && l !== e.fallback && ee.push(l), l = Br(l.next);
		var ne = ee.length;
		if (ne > 0) {
			var re = i & 4 && s === 0 ? n : null;
			if (o) {
				for (v = 0; v < ne; v += 1) ee[v].nodes?.a?.measure();
				for (v = 0; v < ne; v += 1) ee[v].nodes?.a?.fix();
			}
			Lr(e, ee, re);
		}
	}
	o && Ye(() => {
		if (f !== void 0) for (_ of f) _.nodes?.a?.apply();
	});
}
function Hr(e, t, n, r, i, a, o, s) {
	var c = o & 1 ? o & 16 ? Rt(n) : /* @__PURE__ */ zt(n, !1, !1) : null, l = o & 2 ? Rt(i) : null;
	return {
		v: c,
		i: l,
		e: Sn(() => (a(t, c ?? n, l ?? i, s), () => {
			e.delete(r);
		}))
	};
}
function Ur(e, t, n) {
	if (e.nodes) for (var r = e.nodes.start, i = e.nodes.end, a = t && !(t.f & 33554432) ? t.nodes.start : n; r !== null;) {
		var o = /* @__PURE__ */ nn(r);
		if (a.before(r), r === i) return;
		r = o;
	}
}
function Wr(e, t, n) {
	t === null ? e.effect.first = n : t.next = n, n === null ? e.effect.last = t : n.prev = t;
}
// node_modules/svelte/src/internal/client/dom/css.js
function Z(e, t) {
	vn(() => {
		e = H?.parent?.nodes?.start ?? e;
		var n = e.getRootNode(), r = n.host ? n : n.head ?? n.ownerDocument.head;
		if (!r.querySelector("#" + t.hash)) {
			let e = on("style");
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
	var o = e[ue];
	if (T || o !== n || o === void 0) {
		var s = Kr(n, r, a);
		T && s === e.getAttribute("class") || (s == null ? e.removeAttribute("class") : t ? e.className = s : e.setAttribute("class", s)), e[ue] = n;
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
	var i = e[de];
	if (T || i !== t) {
		var a = Yr(t, r);
		T && a === e.getAttribute("style") || (a == null ? e.removeAttribute("style") : e.style.cssText = a), e[de] = t;
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
			$r(c, i ? a.includes(l) : Jt(l, r));
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
		if (!e(n)) return be();
		for (var i of t.options) i.selected = n.includes(ri(i));
	} else {
		for (i of t.options) if (Jt(ri(i), n)) {
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
	}), mn(() => {
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
var ai = Symbol("is custom element"), oi = Symbol("is html"), si = he ? "link" : "LINK";
function ci(e) {
	if (T) {
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
		e[pe] = n, Ye(n), tt();
	}
}
function li(e, t) {
	var n = ui(e);
	n.checked !== (n.checked = t ?? void 0) && (e.checked = t);
}
function Q(e, t, n, r) {
	var i = ui(e);
	if (!(T && (i[t] = e.getAttribute(t), t === "src" || t === "srcset" || t === "href" && e.nodeName === si))) {
		var a = i[t];
		a !== (i[t] = n) && (t === "loading" && (e[ce] = n), n == null ? e.removeAttribute(t) : typeof n != "string" && fi(e).has(t) ? e[t] = n : (!T || typeof n != "number" && typeof n != "boolean" || a !== String(n)) && e.setAttribute(t, n));
	}
}
function ui(e) {
	return e[le] ??= {
		[ai]: e.nodeName.includes("-"),
		[oi]: e.namespaceURI === _e
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
	rt(e, "input", async (i) => {
		var a = i ? e.defaultValue : e.value;
		if (a = hi(e) ? gi(a) : a, n(a), M !== null && r.add(M), await ir(), a !== (a = t())) {
			var o = e.selectionStart, s = e.selectionEnd, c = e.value.length;
			if (e.value = a ?? "", s !== null) {
				var l = e.value.length;
				o === s && s === c && l > c ? (e.selectionStart = l, e.selectionEnd = l) : (e.selectionStart = o, e.selectionEnd = Math.min(s, l));
			}
		}
	}), (T && e.defaultValue !== e.value || sr(t) == null && e.value) && (n(hi(e) ? gi(e.value) : e.value), M !== null && r.add(M)), bn(() => {
		var n = t();
		if (e === document.activeElement) {
			var i = M;
			if (r.has(i)) return;
		}
		hi(e) && n === gi(e.value) || (e.type !== "date" || n || e.value) && n !== e.value && (e.value = n ?? "");
	});
}
function mi(e, t, n = t) {
	rt(e, "change", (t) => {
		n(t ? e.defaultChecked : e.checked);
	}), (T && e.defaultChecked !== e.checked || sr(t) == null) && n(e.checked), bn(() => {
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
	vn(() => (sr(() => n(e[t])), r));
}
// node_modules/svelte/src/internal/client/dom/elements/bindings/this.js
function yi(e, t) {
	return e === t || e?.[ae] === t;
}
function bi(e = Ge(), t, n, r) {
	var i = Ue.r, a = H;
	return vn(() => {
		var o, s;
		return bn(() => {
			o = s, s = r?.() || [], sr(() => {
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
	var i = !0, o = !!(n & 8), s = !!(n & 16), c = r, l = !0, u = void 0, d = () => s && i ? (u ??= /* @__PURE__ */ ct(r), U(u)) : (l && (l = !1, c = s ? sr(r) : r), c);
	let f;
	if (o) {
		var p = ae in e || se in e;
		f = a(e, t)?.set ?? (p && t in e ? (n) => e[t] = n : void 0);
	}
	var m, h = !1;
	o ? [m, h] = Si(() => e[t]) : m = e[t], m === void 0 && r !== void 0 && (m = d(), f && (i && Re(t), f(m)));
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
	var v = !1, y = (n & 1 ? ct : dt)(() => (v = !1, g()));
	o && U(y);
	var b = H;
	return (function(e, t) {
		if (arguments.length > 0) {
			let n = t ? U(y) : i && o ? Kt(e) : e;
			return P(y, n), v = !0, c !== void 0 && (c = n), e;
		}
		return Fn && v || b.f & 16384 ? y.v : U(y);
	});
}
function Ci(e) {
	Ue === null && je("onMount"), z(() => {
		let t = sr(e);
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
	#e = /* @__PURE__ */ N(0);
	get traj() {
		return U(this.#e);
	}
	set traj(e) {
		P(this.#e, e, !0);
	}
	#t = /* @__PURE__ */ N(0);
	get frame() {
		return U(this.#t);
	}
	set frame(e) {
		P(this.#t, e, !0);
	}
	#n = /* @__PURE__ */ N(0);
	get length() {
		return U(this.#n);
	}
	set length(e) {
		P(this.#n, e, !0);
	}
	#r = /* @__PURE__ */ N(0);
	get playing() {
		return U(this.#r);
	}
	set playing(e) {
		P(this.#r, e, !0);
	}
	#i = /* @__PURE__ */ N(12);
	get fps() {
		return U(this.#i);
	}
	set fps(e) {
		P(this.#i, e, !0);
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
	#e = /* @__PURE__ */ N(null);
	get series() {
		return U(this.#e);
	}
	set series(e) {
		P(this.#e, e);
	}
	#t = /* @__PURE__ */ N(null);
	get sprite() {
		return U(this.#t);
	}
	set sprite(e) {
		P(this.#t, e);
	}
	#n = /* @__PURE__ */ N({});
	get units() {
		return U(this.#n);
	}
	set units(e) {
		P(this.#n, e);
	}
	#r = /* @__PURE__ */ N(null);
	get full() {
		return U(this.#r);
	}
	set full(e) {
		P(this.#r, e);
	}
	constructor(e) {
		this.v = e;
	}
	#i = /* @__PURE__ */ j(() => [
		this.v.run,
		this.v.step,
		this.v.traj,
		this.v.frame
	].join("\0"));
	get fullKey() {
		return U(this.#i);
	}
	set fullKey(e) {
		P(this.#i, e);
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
		return gn(() => {
			z(() => {
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
			}), z(() => {
				if (!e.manifest || !e.layer) return;
				let n = [...new Set(e.activeRows.map(({ key: e }) => e))], [r, i, a, o] = [
					e.run,
					e.step,
					e.layer,
					e.traj
				];
				sr(() => {
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
			}), z(() => {
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
	#e = /* @__PURE__ */ N(new da());
	get playback() {
		return U(this.#e);
	}
	set playback(e) {
		P(this.#e, e);
	}
	#t = /* @__PURE__ */ N([]);
	get runs() {
		return U(this.#t);
	}
	set runs(e) {
		P(this.#t, e);
	}
	#n = /* @__PURE__ */ N([]);
	get problems() {
		return U(this.#n);
	}
	set problems(e) {
		P(this.#n, e);
	}
	#r = /* @__PURE__ */ N("");
	get run() {
		return U(this.#r);
	}
	set run(e) {
		P(this.#r, e, !0);
	}
	#i = /* @__PURE__ */ N(-1);
	get step() {
		return U(this.#i);
	}
	set step(e) {
		P(this.#i, e, !0);
	}
	#a = /* @__PURE__ */ N(null);
	get manifest() {
		return U(this.#a);
	}
	set manifest(e) {
		P(this.#a, e);
	}
	#o = /* @__PURE__ */ N("");
	get layer() {
		return U(this.#o);
	}
	set layer(e) {
		P(this.#o, e, !0);
	}
	#s = /* @__PURE__ */ N(Kt(["v"]));
	get rows() {
		return U(this.#s);
	}
	set rows(e) {
		P(this.#s, e, !0);
	}
	#c = /* @__PURE__ */ N(!1);
	get abs() {
		return U(this.#c);
	}
	set abs(e) {
		P(this.#c, e, !0);
	}
	#l = /* @__PURE__ */ N(!0);
	get overlay() {
		return U(this.#l);
	}
	set overlay(e) {
		P(this.#l, e, !0);
	}
	#u = /* @__PURE__ */ N(!1);
	get residual() {
		return U(this.#u);
	}
	set residual(e) {
		P(this.#u, e, !0);
	}
	#d = /* @__PURE__ */ N(!0);
	get hires() {
		return U(this.#d);
	}
	set hires(e) {
		P(this.#d, e, !0);
	}
	#f = /* @__PURE__ */ N(null);
	get hover() {
		return U(this.#f);
	}
	set hover(e) {
		P(this.#f, e, !0);
	}
	#p = /* @__PURE__ */ N(null);
	get feature() {
		return U(this.#p);
	}
	set feature(e) {
		P(this.#p, e, !0);
	}
	#m = /* @__PURE__ */ N(0);
	get expandIdx() {
		return U(this.#m);
	}
	set expandIdx(e) {
		P(this.#m, e, !0);
	}
	#h = /* @__PURE__ */ N(0);
	get subdivIdx() {
		return U(this.#h);
	}
	set subdivIdx(e) {
		P(this.#h, e, !0);
	}
	#g = /* @__PURE__ */ N(!1);
	get popupSynthetic() {
		return U(this.#g);
	}
	set popupSynthetic(e) {
		P(this.#g, e, !0);
	}
	#_ = /* @__PURE__ */ N(!1);
	get legendSynthetic() {
		return U(this.#_);
	}
	set legendSynthetic(e) {
		P(this.#_, e, !0);
	}
	#v = /* @__PURE__ */ N("");
	get error() {
		return U(this.#v);
	}
	set error(e) {
		P(this.#v, e, !0);
	}
	#y = /* @__PURE__ */ N({});
	get failures() {
		return U(this.#y);
	}
	set failures(e) {
		P(this.#y, e);
	}
	#b = /* @__PURE__ */ j(() => Object.values(this.failures));
	get notices() {
		return U(this.#b);
	}
	set notices(e) {
		P(this.#b, e);
	}
	data = new Sa(this);
	#x = /* @__PURE__ */ N(null);
	get featureColors() {
		return U(this.#x);
	}
	set featureColors(e) {
		P(this.#x, e);
	}
	#S = /* @__PURE__ */ N([]);
	get unmatched() {
		return U(this.#S);
	}
	set unmatched(e) {
		P(this.#S, e);
	}
	#C = /* @__PURE__ */ j(() => this.manifest?.probe_set.steps ?? 0);
	get T() {
		return U(this.#C);
	}
	set T(e) {
		P(this.#C, e);
	}
	#w = /* @__PURE__ */ j(() => this.manifest?.probe_set.trajectories ?? 0);
	get E() {
		return U(this.#w);
	}
	set E(e) {
		P(this.#w, e);
	}
	#T = /* @__PURE__ */ j(() => this.manifest?.layers.find((e) => e.name === this.layer));
	get layerInfo() {
		return U(this.#T);
	}
	set layerInfo(e) {
		P(this.#T, e);
	}
	#E = /* @__PURE__ */ j(() => this.layerInfo?.kind === "input");
	get isInput() {
		return U(this.#E);
	}
	set isInput(e) {
		P(this.#E, e);
	}
	#D = /* @__PURE__ */ j(() => this.layerInfo?.feature_vis?.features ? this.layerInfo.feature_vis : null);
	get featureVis() {
		return U(this.#D);
	}
	set featureVis(e) {
		P(this.#D, e);
	}
	#O = /* @__PURE__ */ j(() => this.layerInfo?.channels?.length ? this.layerInfo.channels : Ca);
	get inputChannels() {
		return U(this.#O);
	}
	set inputChannels(e) {
		P(this.#O, e);
	}
	#k = /* @__PURE__ */ j(() => this.layerInfo ? this.isInput ? this.inputChannels.length : this.layerInfo.features : 0);
	get K() {
		return U(this.#k);
	}
	set K(e) {
		P(this.#k, e);
	}
	#A = /* @__PURE__ */ j(() => this.featureColors ?? this.manifest?.feature_colors ?? []);
	get palette() {
		return U(this.#A);
	}
	set palette(e) {
		P(this.#A, e);
	}
	#j = /* @__PURE__ */ j(() => this.isInput ? this.inputChannels.map((e) => pa(e.color)) : this.palette.map(pa));
	get colors() {
		return U(this.#j);
	}
	set colors(e) {
		P(this.#j, e);
	}
	#M = /* @__PURE__ */ j(() => this.hover ?? (this.residual && !this.isInput ? "all" : "prin"));
	get mode() {
		return U(this.#M);
	}
	set mode(e) {
		P(this.#M, e);
	}
	#N = /* @__PURE__ */ j(() => this.abs ? ["abs"] : ["pos", "neg"]);
	get directions() {
		return U(this.#N);
	}
	set directions(e) {
		P(this.#N, e);
	}
	#P = /* @__PURE__ */ j(() => (this.manifest?.action_combos ?? []).map(ba));
	get labels() {
		return U(this.#P);
	}
	set labels(e) {
		P(this.#P, e);
	}
	#F = /* @__PURE__ */ j(() => this.rows.flatMap((e, t) => e === null ? [] : [{
		key: e,
		i: t
	}]));
	get activeRows() {
		return U(this.#F);
	}
	set activeRows(e) {
		P(this.#F, e);
	}
	#I = /* @__PURE__ */ j(() => this.runs.find((e) => e.run === this.run)?.steps ?? []);
	get stepsOfRun() {
		return U(this.#I);
	}
	set stepsOfRun(e) {
		P(this.#I, e);
	}
	#L = /* @__PURE__ */ j(() => !!this.manifest?.full_resolution);
	get hasFull() {
		return U(this.#L);
	}
	set hasFull(e) {
		P(this.#L, e);
	}
	#R = /* @__PURE__ */ j(() => this.hasFull && this.hires);
	get useFull() {
		return U(this.#R);
	}
	set useFull(e) {
		P(this.#R, e);
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
	async refresh() {
		let [e, t, n] = [
			this.run,
			this.step,
			this.seq
		];
		if (!this.manifest) return;
		let r;
		try {
			r = await this.source.manifest(e, t, !0);
		} catch {
			return;
		}
		n === this.seq && e === this.run && t === this.step && r.digest !== this.manifest?.digest && (this.manifest = r);
	}
	async reload() {
		await this.loadRuns(!0) && (await this.apply({}), await this.refresh());
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
	#e = /* @__PURE__ */ N(null);
	get a() {
		return U(this.#e);
	}
	set a(e) {
		P(this.#e, e);
	}
	#t = /* @__PURE__ */ N(null);
	get b() {
		return U(this.#t);
	}
	set b(e) {
		P(this.#t, e);
	}
	#n = /* @__PURE__ */ N([]);
	get runs() {
		return U(this.#n);
	}
	set runs(e) {
		P(this.#n, e);
	}
	#r = /* @__PURE__ */ N(null);
	get match() {
		return U(this.#r);
	}
	set match(e) {
		P(this.#r, e);
	}
	#i = /* @__PURE__ */ N("a");
	get active() {
		return U(this.#i);
	}
	set active(e) {
		P(this.#i, e, !0);
	}
	#a = /* @__PURE__ */ N("");
	get error() {
		return U(this.#a);
	}
	set error(e) {
		P(this.#a, e, !0);
	}
	#o = /* @__PURE__ */ j(() => Ea(this.a.manifest, this.b.manifest));
	get shared() {
		return U(this.#o);
	}
	set shared(e) {
		P(this.#o, e);
	}
	#s = /* @__PURE__ */ j(() => !!this.a.manifest && !!this.b.manifest);
	get ready() {
		return U(this.#s);
	}
	set ready(e) {
		P(this.#s, e);
	}
	#c = /* @__PURE__ */ j(() => this.shared || this.active === "a" ? this.a.playback : this.b.playback);
	get playback() {
		return U(this.#c);
	}
	set playback(e) {
		P(this.#c, e);
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
		let e = [this.a.start(), this.b.start()], t = gn(() => {
			z(() => {
				let [e, t, n] = [
					this.a,
					this.b,
					this.shared
				];
				sr(() => {
					if (n && t.playback !== e.playback) t.playback.dispose(), t.playback = e.playback;
					else if (!n && t.manifest && t.playback === e.playback) {
						let n = new da();
						n.traj = Math.min(e.traj, Math.max(t.E - 1, 0)), n.setLength(t.T), n.seek(e.frame), t.playback = n;
					}
				});
			}), z(() => {
				let e = this.a.layer;
				sr(() => {
					e && this.b.layer !== e && this.b.setLayer(e);
				});
			}), z(() => {
				let e = this.b.layer;
				sr(() => {
					e && this.a.layer !== e && this.a.setLayer(e);
				});
			}), z(() => {
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
			}), z(() => {
				let e = this.match, [t, n] = [this.a, this.b];
				sr(() => {
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
	O(t, !0), Z(e, Wa);
	let n = $(t, "wide", 3, "24em"), r = /* @__PURE__ */ j(() => t.options.length <= 1);
	var i = Ua();
	let a, o;
	X(i, 21, () => t.options, Y, (e, t) => {
		var n = Ha(), r = L(n, !0), i = {};
		B(() => {
			q(r, U(t).label), i !== (i = U(t).value) && (n.value = (n.__value = i) ?? "");
		}), K(e, n);
	}), D(i);
	var s;
	ni(i), B((e) => {
		Q(i, "data-testid", t.testid), i.disabled = U(r), Q(i, "title", e), a = Xr(i, 1, "svelte-ypasjh", null, a, { fixed: U(r) }), o = Qr(i, "", o, { "max-width": n() }), s !== (s = t.value) && (i.value = (i.__value = s) ?? "", ti(i, s));
	}, [() => U(r) ? null : t.options.find((e) => e.value === t.value)?.label]), W("change", i, (e) => t.onchoose(e.currentTarget.value)), K(e, i), k();
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
// src/components/SyntheticPictures.svelte
var qa = /* @__PURE__ */ G("<figure class=\"svelte-f51edg\"><canvas class=\"svelte-f51edg\"></canvas> <figcaption class=\"small svelte-f51edg\"> </figcaption></figure>"), Ja = /* @__PURE__ */ G("<div class=\"pictures svelte-f51edg\" data-testid=\"synthetic-pictures\"></div> <p class=\"small\"> </p>", 1), Ya = {
	hash: "svelte-f51edg",
	code: ".pictures.svelte-f51edg {display:flex;gap:1em;justify-content:center;flex-wrap:wrap;}figure.svelte-f51edg {margin:0;width:min(17em, 100%);}canvas.svelte-f51edg {width:100%;aspect-ratio:auto;image-rendering:pixelated;display:block;background:#ddd;}figcaption.svelte-f51edg {text-align:center;}"
};
function Xa(e, t) {
	O(t, !0), Z(e, Ya);
	let n = {
		centre: "centre position",
		map: "whole map (mean)"
	}, r = /* @__PURE__ */ j(() => t.viewer.manifest.probe_set.observation_shape), i = /* @__PURE__ */ j(() => m(U(r), 2)), a = /* @__PURE__ */ j(() => U(i)[0]), o = /* @__PURE__ */ j(() => U(i)[1]), s = /* @__PURE__ */ N(null), c = Kt([]);
	z(() => {
		let [e, n, r, i] = [
			t.viewer.run,
			t.viewer.step,
			t.viewer.layer,
			t.viewer.source
		], a = `synthetic pictures of layer ${r}`;
		P(s, null), i.image("synthetic", e, n, { layer: r }).then((i) => {
			e === t.viewer.run && n === t.viewer.step && r === t.viewer.layer && (P(s, i), t.viewer.loaded(a, e, n));
		}, (r) => t.viewer.fail(a, e, n, r));
	}), z(() => {
		let [e, n] = [U(s), t.feature];
		e && t.vis.objectives.forEach((t, r) => {
			let i = c[r];
			if (!i) return;
			let s = i.getContext("2d");
			s.imageSmoothingEnabled = !1, s.clearRect(0, 0, U(o), U(a)), s.drawImage(e, n * U(o), r * U(a), U(o), U(a), 0, 0, U(o), U(a));
		});
	});
	var l = Ja(), u = I(l);
	X(u, 21, () => t.vis.objectives, Y, (e, r, i) => {
		var s = qa(), l = F(s);
		bi(l, (e, t) => c[t] = e, (e) => c?.[e], () => [i]);
		var u = R(l, 2), d = L(u);
		D(s), B((e, t) => {
			Q(l, "data-testid", `synthetic-canvas-${U(r) ?? ""}`), Q(l, "width", U(o)), Q(l, "height", U(a)), Q(u, "data-testid", `synthetic-caption-${U(r) ?? ""}`), q(d, `${n[U(r)] ?? U(r) ?? ""}:
        reaches ${e ?? ""}, dataset max ${t ?? ""}`);
		}, [() => xa(t.vis.activation[i]?.[t.feature]), () => xa(t.vis.dataset_max[i]?.[t.feature])]), K(e, s);
	}), D(u);
	var d = L(R(u, 2));
	B(() => q(d, `Input images optimised to excite the feature's direction at the layer (${t.vis.steps ?? ""} steps,
  seed ${t.vis.seed ?? ""}), beside the highest value among the dataset's observations.`)), K(e, l), k();
}
// src/components/FeaturePopup.svelte
var Za = /* @__PURE__ */ G("<span class=\"pane svelte-dtuciw\" data-testid=\"popup-pane\"> </span>"), Qa = /* @__PURE__ */ G("<div class=\"modes svelte-dtuciw\" role=\"group\" aria-label=\"what to show\"><button data-testid=\"popup-mode-dataset\" class=\"svelte-dtuciw\">dataset examples</button> <button data-testid=\"popup-mode-synthetic\" class=\"svelte-dtuciw\">synthetic</button></div>"), $a = /* @__PURE__ */ G("<span data-testid=\"popup-full-note\"> </span>"), eo = /* @__PURE__ */ G("<canvas data-testid=\"popup-observation\" class=\"svelte-dtuciw\"></canvas>"), to = /* @__PURE__ */ G("<img data-testid=\"popup-image\" draggable=\"false\" class=\"svelte-dtuciw\"/>"), no = /* @__PURE__ */ G("<p class=\"small\">Dataset examples by spatial position. Press to view example, scroll to zoom. <!></p> <div class=\"sliders svelte-dtuciw\"><label class=\"svelte-dtuciw\">zoom in <input data-testid=\"zoom-slider\" type=\"range\" min=\"0\"/> zoom out</label> <label class=\"svelte-dtuciw\">fewer patches <input data-testid=\"patches-slider\" type=\"range\" min=\"0\"/> more patches</label></div> <div class=\"view svelte-dtuciw\" role=\"button\" tabindex=\"0\" aria-label=\"press to view the example\"><!></div>", 1), ro = /* @__PURE__ */ G("<div data-testid=\"feature-popup\" role=\"dialog\" tabindex=\"-1\"><div class=\"head svelte-dtuciw\"><b><!> </b> <button data-testid=\"popup-close\">close</button></div> <!> <!></div>"), io = {
	hash: "svelte-dtuciw",
	code: ".popup.svelte-dtuciw {position:fixed;top:2em;left:50%;transform:translateX(-50%);width:40em;max-width:calc(100vw - 2em);box-sizing:border-box;background:#fff;border:1px solid #888;box-shadow:0 4px 24px rgba(0,0,0,0.3);padding:0.8em;z-index:10;}\n  /* the compare view's panes side by side: over the other pane's timeline and attribution */.popup.right.svelte-dtuciw {left:calc(50% + 1em);transform:none;}.popup.left.svelte-dtuciw {left:1em;transform:none;}.head.svelte-dtuciw {display:flex;justify-content:space-between;gap:1em;}.pane.svelte-dtuciw {background:#1f6fd1;color:#fff;padding:0 0.4em;margin-right:0.5em;border-radius:3px;}.sliders.svelte-dtuciw label:where(.svelte-dtuciw) {display:block;}.modes.svelte-dtuciw {display:flex;gap:0.3em;margin:0.3em 0;}.modes.svelte-dtuciw button[aria-pressed=\"true\"]:where(.svelte-dtuciw) {background:#1f6fd1;color:#fff;border:1px solid #1f6fd1;}.view.svelte-dtuciw {width:min(36em, 100%);aspect-ratio:1;margin:0 auto;cursor:pointer;background:repeating-conic-gradient(#ddd 0 25%, #fff 0 50%) 0 0 / 16px 16px;}.view.svelte-dtuciw img:where(.svelte-dtuciw), .view.svelte-dtuciw canvas:where(.svelte-dtuciw) {width:100%;height:100%;image-rendering:pixelated;display:block;opacity:0.999;}"
};
function ao(e, t) {
	O(t, !0), Z(e, io);
	let n = $(t, "viewer", 7), r = $(t, "label", 3, ""), i = $(t, "place", 3, "center"), a = /* @__PURE__ */ j(() => n().manifest), o = /* @__PURE__ */ j(() => U(a).features), s = /* @__PURE__ */ j(() => n().feature ?? 0), c = /* @__PURE__ */ j(() => `${n().run}\u0000${n().step}\u0000${n().layer}\u0000${U(s)}\u0000${n().subdivIdx}\u0000${n().expandIdx}`), l = /* @__PURE__ */ N(null), u = /* @__PURE__ */ N(null), d = /* @__PURE__ */ N(null), f = /* @__PURE__ */ N(void 0);
	z(() => {
		let e = {
			layer: n().layer,
			feature: U(s),
			subdiv: String(U(o).subdiv_mults[n().subdivIdx]),
			expand: String(U(o).expand_mults[n().expandIdx])
		}, [t, r, i, d, f, p] = [
			n().run,
			n().step,
			U(c),
			U(a),
			n().useFull,
			n().source
		], m = `feature pictures of layer ${e.layer}`;
		p.image("feature", t, r, e).then(async (a) => {
			if (U(c) !== i || (P(l, a, !0), n().loaded(m, t, r), !f)) return;
			let o = await Ka(a, await p.featureGrid(t, r, e.layer, e.feature, Number(e.subdiv), Number(e.expand)), d.probe_set.observation_shape, d.full_resolution.shape, (e) => p.fullFrame(t, r, { obs: e }));
			U(c) === i && P(u, {
				key: i,
				src: o
			}, !0);
		}).catch((e) => n().fail(m, t, r, e));
	});
	let p = /* @__PURE__ */ j(() => n().useFull && U(u)?.key === U(c) && U(u).src ? U(u).src : U(l)?.src ?? ""), m = 0;
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
			i = await n().source.featureGrid(n().run, n().step, n().layer, U(s), U(o).subdiv_mults[n().subdivIdx], U(o).expand_mults[n().expandIdx]);
		} catch (e) {
			n().fail(`feature grids of layer ${n().layer}`, n().run, n().step, e);
			return;
		}
		let a = Math.min(i.cols - 1, Math.floor((e.clientX - r.left) / r.width * i.cols)), c = Math.min(i.rows - 1, Math.floor((e.clientY - r.top) / r.height * i.rows));
		g === t && P(d, i.indices[c * i.cols + a], !0);
	}
	z(() => {
		if (U(d) === null || !U(f)) return;
		let [e, [t, r], i, o] = [
			U(a).assets,
			U(a).probe_set.observation_shape,
			U(d),
			U(f)
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
	let y = /* @__PURE__ */ j(() => n().useFull ? U(a).full_resolution.shape : U(a).probe_set.observation_shape), b = /* @__PURE__ */ j(() => n().featureVis), x = /* @__PURE__ */ j(() => !!U(b) && n().popupSynthetic && U(s) < U(b).features);
	var S = ro();
	mr("mouseup", Yt, () => {
		g = 0, P(d, null);
	}), mr("click", Yt, () => n().closeFeature());
	var C = F(S), ee = F(C), te = F(ee), ne = (e) => {
		var t = Za(), n = L(t, !0);
		B(() => q(n, r())), K(e, t);
	};
	J(te, (e) => {
		r() && e(ne);
	});
	var re = R(te);
	D(ee);
	var ie = R(ee, 2);
	D(C);
	var ae = R(C, 2), oe = (e) => {
		var t = Qa(), r = F(t), i = R(r, 2);
		D(t), B(() => {
			Q(r, "aria-pressed", !U(x)), Q(i, "aria-pressed", U(x));
		}), W("click", r, () => n().popupSynthetic = !1), W("click", i, () => n().popupSynthetic = !0), K(e, t);
	};
	J(ae, (e) => {
		U(b) && e(oe);
	});
	var se = R(ae, 2), ce = (e) => {
		Xa(e, {
			get viewer() {
				return n();
			},
			get vis() {
				return U(b);
			},
			get feature() {
				return U(s);
			}
		});
	}, le = (e) => {
		var t = no(), r = I(t), i = R(F(r)), a = (e) => {
			var t = $a(), n = L(t, !0);
			B(() => q(n, U(u).src ? "Patches cut from the full-resolution frames." : "Too many patches to fetch at full resolution: showing the model input (use fewer patches).")), K(e, t);
		};
		J(i, (e) => {
			n().useFull && U(u)?.key === U(c) && e(a);
		}), D(r);
		var m = R(r, 2), g = F(m), _ = R(F(g));
		ci(_), Te(), D(g);
		var b = R(g, 2), x = R(F(b));
		ci(x), Te(), D(b), D(m);
		var S = R(m, 2), C = F(S), ee = (e) => {
			var t = eo();
			bi(t, (e) => P(f, e), () => U(f)), B(() => {
				Q(t, "width", U(y)[1]), Q(t, "height", U(y)[0]);
			}), K(e, t);
		}, te = (e) => {
			var t = to();
			B(() => {
				Q(t, "src", U(p)), Q(t, "alt", `feature ${U(s) + 1}`), Q(t, "data-full", U(p) === U(l).src ? "0" : "1");
			}), K(e, t);
		};
		J(C, (e) => {
			U(d) === null ? U(l) && e(te, 1) : e(ee);
		}), D(S), B(() => {
			Q(_, "max", U(o).expand_mults.length - 1), Q(x, "max", U(o).subdiv_mults.length - 1);
		}), pi(_, () => n().expandIdx, (e) => n().expandIdx = e), pi(x, () => n().subdivIdx, (e) => n().subdivIdx = e), mr("wheel", S, h), W("mousedown", S, v), K(e, t);
	};
	J(se, (e) => {
		U(x) && U(b) ? e(ce) : e(le, -1);
	}), D(S), B(() => {
		Xr(S, 1, `popup ${i() ?? ""}`, "svelte-dtuciw"), Q(S, "aria-label", `${r() ? `${r()}: ` : ""}layer ${n().layer ?? ""}, feature ${U(s) + 1}`), q(re, `Layer ${n().layer ?? ""}, feature ${U(s) + 1}`);
	}), W("click", S, (e) => e.stopPropagation()), W("keydown", S, () => {}), W("click", ie, () => n().closeFeature()), K(e, S), k();
}
hr([
	"click",
	"keydown",
	"mousedown"
]);
// src/components/Notices.svelte
var oo = /* @__PURE__ */ G("<div data-testid=\"notice\"> </div>"), so = /* @__PURE__ */ G("<div class=\"error svelte-5kucrl\" data-testid=\"error\" role=\"alert\"></div>"), co = /* @__PURE__ */ G("<li><b> </b> </li>"), lo = /* @__PURE__ */ G("<details class=\"problems svelte-5kucrl\" data-testid=\"problems\"><summary> </summary> <ul></ul></details>"), uo = /* @__PURE__ */ G("<!> <!>", 1), fo = {
	hash: "svelte-5kucrl",
	code: ".error.svelte-5kucrl {background:#fde2e1;border:1px solid #d33;padding:0.4em;margin-bottom:0.5em;white-space:pre-wrap;overflow-wrap:anywhere;}.problems.svelte-5kucrl {background:#fff6d6;border:1px solid #e0b400;padding:0.3em 0.5em;margin-bottom:0.5em;overflow-wrap:anywhere;}"
};
function po(e, t) {
	O(t, !0), Z(e, fo);
	let n = $(t, "error", 3, ""), r = $(t, "notices", 19, () => []), i = $(t, "problems", 19, () => []), a = $(t, "haveRuns", 3, !0), o = /* @__PURE__ */ j(() => [...new Set(i().map((e) => e.run))]), s = /* @__PURE__ */ j(() => [...new Set([n(), ...r()].filter(Boolean))]);
	var c = uo(), l = I(c), u = (e) => {
		var t = so();
		X(t, 21, () => U(s), Y, (e, t) => {
			var n = oo(), r = L(n, !0);
			B(() => q(r, U(t))), K(e, n);
		}), D(t), K(e, t);
	};
	J(l, (e) => {
		U(s).length && e(u);
	});
	var d = R(l, 2), f = (e) => {
		var t = lo(), n = F(t), r = L(n), s = R(n, 2);
		X(s, 21, i, Y, (e, t) => {
			var n = co(), r = F(n), i = L(r, !0), a = R(r);
			D(n), B(() => {
				q(i, U(t).run), q(a, `${U(t).step === null ? "" : ` step ${U(t).step}`}: ${U(t).message ?? ""}`);
			}), K(e, n);
		}), D(s), D(t), B((e) => {
			t.open = !a(), q(r, `${i().length ?? ""} analysis problem${i().length > 1 ? "s" : ""}:
      ${e ?? ""}${U(o).length > 6 ? ", …" : ""}
      ${a() ? "(other runs are fine)" : ""}`);
		}, [() => U(o).slice(0, 6).join(", ")]), K(e, t);
	};
	J(d, (e) => {
		i().length && e(f);
	}), K(e, c), k();
}
function mo(e, t, n) {
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
function ho(e, t, n) {
	let r = Math.abs(e[n].reduce((e, t) => e + t, 0) - t[n]), i = t.reduce((e, t) => e + Math.abs(t), 0) / Math.max(t.length, 1);
	return [r / Math.max(Math.abs(t[n]), 1e-12), r / Math.max(i, 1e-12)];
}
// src/outputs.ts
function go(e, t, n) {
	let r = e?.outputs.find((e) => e.key === n);
	if (!e || !r) return n;
	if (r.kind === "v") return "value function";
	if (r.kind === "logit") return `${t[r.index] ?? r.index} logit`;
	let i = e.action_groups[r.index];
	return `[ ${r.actions.map((e) => t[e] ?? e).join(" | ")} ] logit sum` + (i ? ` (${i.name})` : "");
}
function _o(e, t, n) {
	let r = e?.outputs.find((e) => e.key === t);
	return !r || !n ? [] : r.kind === "v" ? n.values : n.logits.map((e) => r.actions.reduce((t, n) => t + e[n], 0));
}
// src/cells.ts
function vo(e) {
	let t = e.fullShape ?? e.obsShape;
	return [t[0], t[1]];
}
var yo = 1500, bo = /* @__PURE__ */ new Map(), xo = !1;
function So(e) {
	let t = `${e.key}|${e.t}|${e.kind}|${e.mode}|${e.info.colors.join(";")}`, n = bo.get(t);
	if (n) return bo.delete(t), bo.set(t, n), n;
	let r = ha(e.q, e.info, e.t, e.kind, e.mode);
	return n = document.createElement("canvas"), n.width = r.width, n.height = r.height, n.getContext("2d").putImageData(r, 0, 0), bo.set(t, n), bo.size > yo && bo.delete(bo.keys().next().value), n;
}
function Co(e, t) {
	let [n, r] = t.obsShape, [i, a] = vo(t), o = e.getContext("2d");
	o.imageSmoothingEnabled = !1, o.globalAlpha = 1, o.filter = "none", o.fillStyle = "#000", o.fillRect(0, 0, a, i);
	let s = t.t % t.frameColumns * r, c = Math.floor(t.t / t.frameColumns) * n, l = () => {
		t.full ? o.drawImage(t.full, 0, 0, a, i) : o.drawImage(t.sprite, s, c, r, n, 0, 0, a, i);
	};
	if (t.kind === "obs") {
		l();
		return;
	}
	if (t.overlay && (o.filter = "grayscale(1)", l(), o.filter = "none"), !t.q || !t.info) return;
	let u = So(t);
	o.globalAlpha = t.overlay ? .9 : 1, o.drawImage(u, 0, 0, u.width, u.height, 0, 0, a, i), o.globalAlpha = 1, xo || (xo = !0, document.body.dataset.firstFrameMs = String(Math.round(performance.now())));
}
// src/components/AttrCell.svelte
var wo = /* @__PURE__ */ G("<canvas></canvas>"), To = {
	hash: "svelte-v2v5pd",
	code: "\n  /* the original's sizes: observation 14em (7/8 of the 16em video), attribution 16em; --cell\n     (the attribution table's) makes them smaller where the table has less room */.cell.svelte-v2v5pd {width:calc(var(--cell, 16em) * 0.875);height:calc(var(--cell, 16em) * 0.875);image-rendering:pixelated;background:#000;display:block;}.cell.attr.svelte-v2v5pd {width:var(--cell, 16em);height:var(--cell, 16em);}"
};
function Eo(e, t) {
	O(t, !0), Z(e, To);
	let n = $(t, "attr", 3, !1), r = /* @__PURE__ */ N(void 0);
	z(() => {
		U(r) && t.spec && Co(U(r), t.spec);
	});
	var i = wo();
	let a;
	bi(i, (e) => P(r, e), () => U(r)), B((e, r) => {
		Q(i, "data-testid", t.testid), a = Xr(i, 1, "cell svelte-v2v5pd", null, a, { attr: n() }), Q(i, "width", e), Q(i, "height", r), Q(i, "data-full", t.spec?.full ? "1" : "0");
	}, [() => t.spec ? vo(t.spec)[1] : 64, () => t.spec ? vo(t.spec)[0] : 64]), K(e, i), k();
}
// src/components/AttributionRow.svelte
var Do = /* @__PURE__ */ G("<option> </option>"), Oo = /* @__PURE__ */ G("<div class=\"small whole svelte-tobzqx\"> </div>"), ko = /* @__PURE__ */ G("<button>remove row</button>"), Ao = /* @__PURE__ */ G("<div class=\"small\" data-testid=\"completeness\" title=\"|sum of attribution - (F(a) - F(0))| at this frame, divided by |F(a) - F(0)| of this frame, and by the mean |F(a) - F(0)| over the trajectory (robust where F(a) ~ F(0))\"> </div>"), jo = /* @__PURE__ */ G("<div></div>"), Mo = /* @__PURE__ */ G("<div class=\"chart svelte-tobzqx\"><div class=\"zero svelte-tobzqx\"></div> <!></div>"), No = /* @__PURE__ */ G("<td class=\"svelte-tobzqx\"><!></td>"), Po = /* @__PURE__ */ G("<tr><td class=\"selector svelte-tobzqx\"><select class=\"svelte-tobzqx\"><option>value function</option><optgroup label=\"policy logits:\"></optgroup><optgroup label=\"sums of policy logits:\"></optgroup></select> <!> <!> <!></td><td class=\"svelte-tobzqx\"><!> <!></td><!></tr>"), Fo = {
	hash: "svelte-tobzqx",
	code: "td.svelte-tobzqx {vertical-align:top;padding:2px;}.selector.svelte-tobzqx {width:var(--sel, 10em);max-width:var(--sel, 10em);overflow-wrap:anywhere;}.selector.svelte-tobzqx select:where(.svelte-tobzqx) {width:var(--sel, 10em);}.whole.svelte-tobzqx {overflow-wrap:anywhere;}.chart.svelte-tobzqx {position:relative;height:3.5em;width:calc(var(--cell, 16em) * 0.875);background:#f4f4f4;margin-top:2px;}.chart.svelte-tobzqx .zero:where(.svelte-tobzqx) {position:absolute;left:0;right:0;height:1px;background:#888;}.chart.svelte-tobzqx .bar:where(.svelte-tobzqx) {position:absolute;}.chart.svelte-tobzqx .bar.res:where(.svelte-tobzqx) {outline:1px solid #888;}.chart.svelte-tobzqx .bar.dashed:where(.svelte-tobzqx) {outline:1px dashed #888;}"
};
function Io(e, t) {
	O(t, !0), Z(e, Fo);
	let n = /* @__PURE__ */ j(() => t.viewer.data.unit(t.key)), r = /* @__PURE__ */ j(() => t.viewer.manifest?.outputs ?? []), i = /* @__PURE__ */ j(() => t.viewer.labels), a = /* @__PURE__ */ j(() => U(r).find((e) => e.key === t.key)), o = /* @__PURE__ */ j(() => go(t.viewer.manifest, U(i), t.key)), s = (e) => e.map((e) => U(i)[e] ?? e).join(" | "), c = /* @__PURE__ */ j(() => U(n)?.unit.totals ? Ra(U(n).unit.totals) : null), l = /* @__PURE__ */ j(() => U(c) && U(n)?.unit.totals?.[t.viewer.frame] ? za(U(n).unit.totals[t.viewer.frame], U(c)) : null), u = /* @__PURE__ */ j(() => U(n)?.unit.totals && U(n).unit.delta && U(n).unit.totals[t.viewer.frame] ? ho(U(n).unit.totals, U(n).unit.delta, t.viewer.frame) : null);
	var d = Po(), f = F(d), p = F(f), m = F(p);
	m.value = m.__value = "v";
	var h = R(m);
	X(h, 21, () => U(r).filter((e) => e.kind === "logit"), Y, (e, t) => {
		var n = Do(), r = L(n), a = {};
		B(() => {
			q(r, `${U(i)[U(t).index] ?? ""} logit`), a !== (a = U(t).key) && (n.value = (n.__value = a) ?? "");
		}), K(e, n);
	}), D(h);
	var g = R(h);
	X(g, 21, () => U(r).filter((e) => e.kind === "group"), Y, (e, t) => {
		var n = Do(), r = L(n, !0), i = {};
		B((e) => {
			q(r, e), i !== (i = U(t).key) && (n.value = (n.__value = i) ?? "");
		}, [() => s(U(t).actions)]), K(e, n);
	}), D(g), D(p);
	var _;
	ni(p);
	var v = R(p, 2), y = (e) => {
		var n = Oo(), r = L(n, !0);
		B(() => {
			Q(n, "data-testid", `row-label-${t.i ?? ""}`), q(r, U(o));
		}), K(e, n);
	};
	J(v, (e) => {
		U(a)?.kind === "group" && e(y);
	});
	var b = R(v, 2), x = (e) => {
		var n = ko();
		B(() => Q(n, "data-testid", `remove-row-${t.i ?? ""}`)), W("click", n, () => t.viewer.removeRow(t.i)), K(e, n);
	};
	J(b, (e) => {
		t.viewer.activeRows.length > 1 && e(x);
	});
	var S = R(b, 2), C = (e) => {
		var t = Ao(), n = L(t);
		B((e, t) => q(n, `IG completeness error: ${e ?? ""} of |F(a) − F(0)|, ${t ?? ""} of its trajectory mean`), [() => Va(U(u)[0]), () => Va(U(u)[1])]), K(e, t);
	};
	J(S, (e) => {
		U(u) && e(C);
	}), D(f);
	var ee = R(f), te = F(ee);
	{
		let e = /* @__PURE__ */ j(() => t.viewer.data.cell(null, "obs")), n = /* @__PURE__ */ j(() => t.first ? "obs-canvas" : `obs-canvas-${t.i}`);
		Eo(te, {
			get spec() {
				return U(e);
			},
			get testid() {
				return U(n);
			}
		});
	}
	var ne = R(te, 2), re = (e) => {
		var n = Mo(), r = F(n);
		let i;
		X(R(r, 2), 17, () => U(l).bars, Y, (e, n) => {
			var r = jo();
			let i, a;
			B(() => {
				i = Xr(r, 1, "bar svelte-tobzqx", null, i, {
					res: U(n).residual,
					dashed: U(n).residual && !t.viewer.residual && t.viewer.hover !== "res"
				}), a = Qr(r, "", a, {
					left: `${U(n).k / U(l).bars.length * 100}%`,
					width: `${80 / U(l).bars.length}%`,
					top: `${U(n).top ?? ""}%`,
					height: `${U(n).height ?? ""}%`,
					background: U(n).residual ? "#fff" : t.viewer.palette[U(n).k]
				});
			}), K(e, r);
		}), D(n), B(() => {
			Q(n, "data-testid", `chart-${t.i ?? ""}`), i = Qr(r, "", i, { top: `${U(l).zero ?? ""}%` });
		}), K(e, n);
	};
	J(ne, (e) => {
		U(l) && e(re);
	}), D(ee), X(R(ee), 17, () => t.viewer.directions, Y, (e, n) => {
		var r = No(), i = F(r);
		{
			let e = /* @__PURE__ */ j(() => t.viewer.data.cell(t.key, U(n)));
			Eo(i, {
				get spec() {
					return U(e);
				},
				get testid() {
					return `attr-canvas-${t.i ?? ""}-${U(n) ?? ""}`;
				},
				attr: !0
			});
		}
		D(r), K(e, r);
	}), D(d), B(() => {
		Q(p, "data-testid", `row-output-${t.i ?? ""}`), Q(p, "title", U(o)), _ !== (_ = t.key) && (p.value = (p.__value = _) ?? "", ti(p, _));
	}), W("change", p, (e) => t.viewer.setRow(t.i, e.currentTarget.value)), K(e, d), k();
}
hr(["change", "click"]);
// src/components/AttributionTable.svelte
var Lo = /* @__PURE__ */ G("<label class=\"svelte-9eecfd\"><input type=\"checkbox\" data-testid=\"toggle-residual\"/> show residual feature</label>"), Ro = /* @__PURE__ */ G("<label class=\"svelte-9eecfd\"><input type=\"checkbox\" data-testid=\"toggle-hires\"/> </label>"), zo = /* @__PURE__ */ G("<th class=\"svelte-9eecfd\"> </th>"), Bo = /* @__PURE__ */ G("<th class=\"svelte-9eecfd\"> </th><th class=\"svelte-9eecfd\"> </th>", 1), Vo = /* @__PURE__ */ G("<h3> </h3> <div class=\"toggles svelte-9eecfd\"><label class=\"svelte-9eecfd\"><input type=\"checkbox\" data-testid=\"toggle-overlay\"/> overlay on observations</label> <label class=\"svelte-9eecfd\"><input type=\"checkbox\" data-testid=\"toggle-abs\"/> </label> <!> <!></div> <table class=\"attr svelte-9eecfd\"><thead><tr><th class=\"svelte-9eecfd\"></th><th class=\"svelte-9eecfd\">Observation</th><!></tr></thead><tbody></tbody></table> <button data-testid=\"add-row\">add row</button>", 1), Ho = {
	hash: "svelte-9eecfd",
	code: ".toggles.svelte-9eecfd label:where(.svelte-9eecfd) {display:block;}\n  /* cells as large as the original's (observation 14em, attribution 16em) when the box is\n     wide enough, smaller to fit (the box is a size container: see ViewerLayout) */.attr.svelte-9eecfd {--sel: 10em;--cell: min(16em, calc((100cqi - var(--sel) - 1.8em) / 2.875));border-collapse:collapse;}.attr.svelte-9eecfd th:where(.svelte-9eecfd) {font-weight:normal;color:#555;text-align:left;vertical-align:bottom;}\n  @container attr (width < 40em) {.attr.svelte-9eecfd {--sel: 6.5em;}\n  }"
};
function Uo(e, t) {
	O(t, !0), Z(e, Ho);
	let n = $(t, "viewer", 7), r = /* @__PURE__ */ j(() => n().isInput ? "gradients" : "attribution"), i = /* @__PURE__ */ j(() => n().manifest?.full_resolution), a = /* @__PURE__ */ j(() => n().manifest?.probe_set.observation_shape ?? [0, 0]);
	var o = Vo(), s = I(o), c = L(s, !0), l = R(s, 2), u = F(l), d = F(u);
	ci(d), Te(), D(u);
	var f = R(u, 2), p = F(f);
	ci(p);
	var m = R(p);
	D(f);
	var h = R(f, 2), g = (e) => {
		var t = Lo(), r = F(t);
		ci(r), Te(), D(t), mi(r, () => n().residual, (e) => n().residual = e), K(e, t);
	};
	J(h, (e) => {
		n().isInput || e(g);
	});
	var _ = R(h, 2), v = (e) => {
		var t = Ro(), r = F(t);
		ci(r);
		var o = R(r);
		D(t), B(() => q(o, ` full-resolution frames (${U(i).shape[1] ?? ""}×${U(i).shape[0] ?? ""}; attribution of the ${U(a)[1] ?? ""}×${U(a)[0] ?? ""} model input, to scale)`)), mi(r, () => n().hires, (e) => n().hires = e), K(e, t);
	};
	J(_, (e) => {
		U(i) && e(v);
	}), D(l);
	var y = R(l, 2), b = F(y), x = F(b), S = R(F(x), 2), C = (e) => {
		var t = zo(), n = L(t);
		B(() => q(n, `Positive and negative ${U(r) ?? ""}`)), K(e, t);
	}, ee = (e) => {
		var t = Bo(), n = I(t), i = L(n), a = L(R(n));
		B(() => {
			q(i, `Positive ${U(r) ?? ""}`), q(a, `Negative ${U(r) ?? ""}`);
		}), K(e, t);
	};
	J(S, (e) => {
		n().abs ? e(C) : e(ee, -1);
	}), D(x), D(b);
	var te = R(b);
	X(te, 21, () => n().activeRows, ({ key: e, i: t }) => t, (e, t) => {
		let r = () => U(t).key, i = () => U(t).i;
		{
			let t = /* @__PURE__ */ j(() => i() === n().activeRows[0].i);
			Io(e, {
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
					return U(t);
				}
			});
		}
	}), D(te), D(y);
	var ne = R(y, 2);
	B(() => {
		q(c, n().isInput ? "Gradients" : "Attribution"), q(m, ` combine positive and negative ${U(r) ?? ""}`);
	}), mi(d, () => n().overlay, (e) => n().overlay = e), mi(p, () => n().abs, (e) => n().abs = e), W("click", ne, () => n().addRow()), K(e, o), k();
}
hr(["click"]);
// src/components/LegendThumb.svelte
var Wo = /* @__PURE__ */ G("<span> </span>"), Go = {
	hash: "svelte-1lv8fz",
	code: ".thumb.svelte-1lv8fz {display:inline-flex;align-items:center;justify-content:center;width:4em;height:4em;image-rendering:pixelated;background-color:#888;background-repeat:no-repeat;}.missing.svelte-1lv8fz {background:repeating-linear-gradient(45deg, #f3c4c2 0 6px, #fff 6px 12px);color:#a11;font-weight:bold;}"
};
function Ko(e, t) {
	O(t, !0), Z(e, Go);
	let n = $(t, "synthetic", 3, null), r = $(t, "onresult", 3, null), i = /* @__PURE__ */ N(""), a = /* @__PURE__ */ N(!1), o = /* @__PURE__ */ j(() => n() ? "synthetic" : "thumbnails"), s = /* @__PURE__ */ j(() => n() ? [n().cols, n().rows] : [t.K, 1]), c = /* @__PURE__ */ j(() => m(U(s), 2)), l = /* @__PURE__ */ j(() => U(c)[0]), u = /* @__PURE__ */ j(() => U(c)[1]), d = /* @__PURE__ */ j(() => [U(l) > 1 ? t.k / (U(l) - 1) * 100 : 0, n() && U(u) > 1 ? n().row / (U(u) - 1) * 100 : 0]), f = /* @__PURE__ */ j(() => m(U(d), 2)), p = /* @__PURE__ */ j(() => U(f)[0]), h = /* @__PURE__ */ j(() => U(f)[1]);
	z(() => {
		let [e, n, s, c, l] = [
			t.run,
			t.step,
			t.layer,
			r(),
			U(o)
		];
		t.source.image(l, e, n, { layer: s }).then((t) => {
			P(i, t.src, !0), P(a, !1), c?.(null, e, n, s);
		}, (t) => {
			P(i, ""), P(a, !0), c?.(t, e, n, s);
		});
	});
	var g = Wo();
	let _, v;
	var y = L(g, !0);
	B(() => {
		_ = Xr(g, 1, "thumb svelte-1lv8fz", null, _, { missing: U(a) }), Q(g, "data-testid", U(a) ? "thumb-missing" : null), Q(g, "data-kind", U(o)), Q(g, "title", U(a) ? "thumbnail missing (see the notice above)" : null), v = Qr(g, "", v, {
			"background-image": U(i) ? `url("${U(i)}")` : "none",
			"background-size": `${U(l) * 100}% ${U(u) * 100}%`,
			"background-position": `${U(p) ?? ""}% ${U(h) ?? ""}%`
		}), q(y, U(a) ? "?" : "");
	}), K(e, g), k();
}
// src/components/Evolution.svelte
var qo = /* @__PURE__ */ G("<span class=\"small svelte-lcmfll\"> </span>"), Jo = /* @__PURE__ */ G("<span><!></span>"), Yo = /* @__PURE__ */ G("<span class=\"small svelte-lcmfll\">different probe set: no totals</span>"), Xo = /* @__PURE__ */ G("<!> <!> <!>", 1), Zo = /* @__PURE__ */ G("<div><span class=\"label svelte-lcmfll\"> </span> <!></div>"), Qo = /* @__PURE__ */ wr("<polyline fill=\"none\" stroke-width=\"2\" vector-effect=\"non-scaling-stroke\"><title> </title></polyline>"), $o = /* @__PURE__ */ G("<span> </span>"), es = /* @__PURE__ */ G("<svg class=\"chart svelte-lcmfll\" viewBox=\"0 0 100 100\" preserveAspectRatio=\"none\" data-testid=\"evo-chart\"><line x1=\"0\" x2=\"100\" stroke=\"#999\" stroke-width=\"1\" vector-effect=\"non-scaling-stroke\"></line><!></svg> <div class=\"axis svelte-lcmfll\"></div>", 1), ts = /* @__PURE__ */ G("<div class=\"evolution svelte-lcmfll\" data-testid=\"evolution\"><h3 class=\"svelte-lcmfll\">Across checkpoints</h3> <p class=\"small svelte-lcmfll\"> </p> <div class=\"strip svelte-lcmfll\"></div> <!></div>"), ns = {
	hash: "svelte-lcmfll",
	code: ".evolution.svelte-lcmfll {margin-top:1em;}h3.svelte-lcmfll {margin:0.6em 0 0.3em;font-size:1.05em;}.small.svelte-lcmfll {font-size:0.85em;color:#666;margin:0.2em 0;}.strip.svelte-lcmfll {display:flex;flex-direction:column;gap:3px;}.row.svelte-lcmfll {display:flex;flex-wrap:wrap;align-items:center;gap:3px;}.row.current.svelte-lcmfll {background:#eef4ff;}.label.svelte-lcmfll {width:9em;font-size:0.85em;flex:none;}.feat.svelte-lcmfll {border:3px solid;display:inline-flex;font-size:0.55em;}.feat.unmatched.svelte-lcmfll {border-style:dashed;}.chart.svelte-lcmfll {width:100%;height:8em;background:#fafafa;display:block;margin-top:0.4em;}.axis.svelte-lcmfll {display:flex;justify-content:space-between;font-size:0.75em;color:#666;}"
};
function rs(e, t) {
	O(t, !0), Z(e, ns);
	let n = /* @__PURE__ */ N(Kt([])), r = /* @__PURE__ */ j(() => {
		let e = Math.max(0, t.steps.indexOf(t.step)), n = Math.max(0, Math.min(e - 6, t.steps.length - 12));
		return t.steps.slice(n, n + 12);
	});
	z(() => {
		let [e, i, a, o, s, c] = [
			t.run,
			t.step,
			t.layer,
			t.traj,
			t.output,
			U(r)
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
			u && P(n, e, !0);
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
	let o = /* @__PURE__ */ j(() => t.manifest.layers.find((e) => e.name === t.layer)?.features ?? 0), s = /* @__PURE__ */ j(() => {
		let e = [];
		if (U(n).forEach((n, r) => {
			let i = n.unit?.totals?.[t.frame];
			if (i) {
				if (n.step === t.step) for (let t = 0; t < U(o); t++) e.push({
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
		let r = Math.min(0, ...e.map((e) => e.v)), i = Math.max(0, ...e.map((e) => e.v)), a = (e) => i > r ? (1 - (e - r) / (i - r)) * 90 + 5 : 50, s = Math.max(U(n).length - 1, 1), c = (e) => e / s * 96 + 2;
		return {
			lines: Array.from({ length: U(o) }, (t, n) => e.filter((e) => e.i === n).map((e) => ({
				x: c(e.x),
				y: a(e.v),
				v: e.v
			}))),
			zero: a(0),
			X: c
		};
	});
	var c = ts(), l = R(F(c), 2), u = L(l), d = R(l, 2);
	X(d, 21, () => U(n), (e) => e.step, (e, n) => {
		var r = Zo();
		let o;
		var s = F(r), c = L(s), l = R(s, 2), u = (e) => {
			var t = qo(), r = L(t, !0);
			B(() => q(r, U(n).error)), K(e, t);
		}, d = (e) => {
			var r = Xo(), o = I(r);
			X(o, 17, () => Array(U(n).K), Y, (e, r, o) => {
				let s = /* @__PURE__ */ j(() => i(U(n))[o]);
				var c = Jo();
				let l, u;
				Ko(F(c), {
					get source() {
						return t.source;
					},
					get run() {
						return t.run;
					},
					get step() {
						return U(n).step;
					},
					get layer() {
						return t.layer;
					},
					k: o,
					get K() {
						return U(n).K;
					}
				}), D(c), B((e) => {
					l = Xr(c, 1, "feat svelte-lcmfll", null, l, { unmatched: e }), Q(c, "data-testid", `evo-${U(n).step ?? ""}-${o}`), Q(c, "data-color", U(s)), u = Qr(c, "", u, { "border-color": U(s) });
				}, [() => a(U(n)).includes(o)]), K(e, c);
			});
			var s = R(o, 2), c = (e) => {
				K(e, Yo());
			};
			J(s, (e) => {
				U(n).same || e(c);
			});
			var l = R(s, 2), u = (e) => {
				var t = qo(), r = L(t, !0);
				B(() => q(r, U(n).match.reason)), K(e, t);
			};
			J(l, (e) => {
				U(n).match && U(n).match.method === null && e(u);
			}), K(e, r);
		};
		J(l, (e) => {
			U(n).error ? e(u) : e(d, -1);
		}), D(r), B(() => {
			o = Xr(r, 1, "row svelte-lcmfll", null, o, { current: U(n).step === t.step }), Q(r, "data-testid", `evo-row-${U(n).step ?? ""}`), q(c, `step ${U(n).step ?? ""}${U(n).step === t.step ? " (current)" : ""}`);
		}), K(e, r);
	}), D(d);
	var f = R(d, 2), p = (e) => {
		var r = es(), i = I(r), a = F(i);
		X(R(a), 17, () => U(s).lines, Y, (e, n, r) => {
			var i = Er(), a = I(i), o = (e) => {
				var i = Qo(), a = L(F(i));
				D(i), B((e, n) => {
					Q(i, "points", e), Q(i, "stroke", t.manifest.feature_colors[r]), q(a, `feature ${r + 1}: ${n ?? ""}`);
				}, [() => U(n).map((e) => `${e.x},${e.y}`).join(" "), () => U(n).map((e) => xa(e.v)).join(", ")]), K(e, i);
			};
			J(a, (e) => {
				U(n).length && e(o);
			}), K(e, i);
		}), D(i);
		var o = R(i, 2);
		X(o, 21, () => U(n), Y, (e, t) => {
			var n = $o(), r = L(n, !0);
			B(() => q(r, U(t).step)), K(e, n);
		}), D(o), B(() => {
			Q(a, "y1", U(s).zero), Q(a, "y2", U(s).zero);
		}), K(e, r);
	};
	J(f, (e) => {
		U(s) && e(p);
	}), D(c), B(() => q(u, `Legends of layer ${t.layer ?? ""} by training step, coloured by the match of each feature to
    step ${t.step ?? ""}'s (dashed: no match); the chart follows each feature's total attribution at the current
    frame over the steps analysed on the same probe set.`)), K(e, c), k();
}
// src/components/Layers.svelte
var is = /* @__PURE__ */ G("<label class=\"layer svelte-ip448e\"><input type=\"radio\"/> <span class=\"small\"> </span></label>"), as = /* @__PURE__ */ G("<h3>Layers</h3> <!>", 1), os = {
	hash: "svelte-ip448e",
	code: ".layer.svelte-ip448e {display:block;cursor:pointer;overflow-wrap:anywhere;}"
};
function ss(e, t) {
	let n = Dr();
	O(t, !0), Z(e, os);
	var r = as();
	X(R(I(r), 2), 17, () => t.viewer.manifest?.layers ?? [], Y, (e, r) => {
		var i = is(), a = F(i);
		ci(a);
		var o = R(a), s = L(R(o));
		D(i), B(() => {
			Q(i, "data-testid", `layer-${U(r).name ?? ""}`), Q(a, "name", `layer-${n}`), li(a, U(r).name === t.viewer.layer), q(o, ` ${U(r).name ?? ""} `), q(s, `${U(r).shape[0] ?? ""}×${U(r).shape[1] ?? ""}`);
		}), W("change", a, () => t.viewer.setLayer(U(r).name)), K(e, i);
	}), K(e, r), k();
}
hr(["change"]);
// src/edits.ts
var cs = "−";
function ls(e, t) {
	let n = Math.abs(e).toFixed(t);
	return Number(n) === 0 ? n : (e < 0 ? cs : "+") + n;
}
function us(e) {
	return !(e > 0) || !isFinite(e) ? 2 : Math.min(Math.max(1 - Math.floor(Math.log10(e)), 0), 3);
}
function ds(e) {
	return e.success_delta ? "success" : "return";
}
function fs(e, t) {
	if (t === "success") return `${ls(e.mean * 100, 1)} ± ${(e.stderr * 100).toFixed(1)} pp`;
	let n = us(e.stderr);
	return `${ls(e.mean, n)} ± ${e.stderr.toFixed(n)}`;
}
function ps(e, t = ds(e)) {
	let n = t === "success" ? e.success_delta : e.return_delta;
	return n ? fs(n, t) : null;
}
function ms(e, t, n) {
	let r = null;
	for (let i of e) i.kind === "features" && i.layer === t && i.features.length === 1 && i.features[0] === n && (!r || i.episodes >= r.episodes) && (r = i);
	return r;
}
function hs(e, t) {
	let n = (e) => (e.episodes === t.episodes ? 2 : 0) + +(e.seed === t.seed && e.episodes === t.episodes), r = null;
	for (let i of e) i.kind === "random" && i.layer === t.layer && (!r || n(i) > n(r) || n(i) === n(r) && i.episodes >= r.episodes) && (r = i);
	return r;
}
function gs(e) {
	return `${(e * 100).toFixed(1)} %`;
}
function _s(e, t, n) {
	let r = [`Feature ${n + 1} projected out of layer ${e.layer} ("${e.label}"), ${e.episodes} levels (seed ${e.seed}); Δ = edited − original, same levels:`], i = e.success_original, a = e.success_edited;
	i && a && e.success_delta && r.push(`success ${gs(i.mean)} → ${gs(a.mean)}: Δ ${fs(e.success_delta, "success")}`);
	let o = e.return_original, s = e.return_edited, c = us(e.return_delta.stderr);
	if (r.push(`return ${o.mean.toFixed(c)} → ${s.mean.toFixed(c)}: Δ ${fs(e.return_delta, "return")}`), e.failures?.length && r.push("failures by cause (original → edited): " + e.failures.map((e) => `${e.cause} ${e.original} → ${e.edited}`).join(", ")), t) {
		let n = ds(e);
		r.push(`random direction (control), ${t.episodes} levels: Δ ` + (ps(t, n) ?? ps(t)));
	}
	return e.note && r.push(e.note), r.join("\n");
}
function vs(e, t, n) {
	let r = e?.edits ?? [];
	return Array.from({ length: n }, (e, n) => {
		let i = ms(r, t, n);
		if (!i) return null;
		let a = ds(i), o = hs(r, i);
		return {
			edit: i,
			control: o,
			metric: a,
			delta: ps(i, a),
			controlDelta: o ? ps(o, a) ?? ps(o) : null,
			levels: i.episodes,
			title: _s(i, o, n)
		};
	});
}
function ys(e, t) {
	let n = e?.edits ?? [], r = /* @__PURE__ */ new Map();
	for (let e of n) {
		if (e.kind !== "features" || e.layer !== t || e.features.length < 2) continue;
		let n = [...e.features].sort((e, t) => e - t).join(","), i = r.get(n);
		(!i || e.episodes >= i.episodes) && r.set(n, e);
	}
	return [...r.values()].map((e) => {
		let t = ds(e), r = hs(n, e), i = [...e.features].sort((e, t) => e - t).map((e) => String(e + 1)), a = _s(e, r, e.features[0]).replace(/^Feature \d+ projected/, `Features ${i.join(" and ")} projected`);
		return {
			edit: e,
			control: r,
			metric: t,
			features: i.join(" + "),
			delta: ps(e, t),
			controlDelta: r ? ps(r, t) ?? ps(r) : null,
			levels: e.episodes,
			title: a
		};
	});
}
var bs = {
	low: "Lowest advantage episodes (unexpected failures):",
	high: "Highest advantage episodes (unexpected successes):",
	diverge: "Actions differ (first frame where the edited agent acts otherwise than the original):",
	failed: "Edited agent fails (levels the original completes):"
};
function xs(e) {
	return [
		"low",
		"high",
		"diverge",
		"failed"
	].flatMap((t) => {
		let n = e?.[t] ?? [];
		return t === "low" || t === "high" || n.length ? [{
			kind: t,
			caption: bs[t],
			marks: n
		}] : [];
	});
}
var Ss = (e) => !!e && typeof e == "object" && !Array.isArray(e);
function Cs(e) {
	return !Ss(e) || !Array.isArray(e.edits) ? [] : e.edits.filter(Ss).map((e) => {
		let t = typeof e.layer == "string" ? e.layer : Ss(e.site) && typeof e.site.layer == "string" ? e.site.layer : null, n = Array.isArray(e.features) ? e.features.filter((e) => typeof e == "number" && Number.isInteger(e) && e >= 0 || typeof e == "string") : [], r = e.source;
		return {
			layer: t,
			features: n,
			source: Ss(r) && typeof r.run == "string" && typeof r.step == "number" && Number.isSafeInteger(r.step) && r.step >= 0 ? {
				run: r.run,
				step: r.step
			} : null
		};
	});
}
function ws(e) {
	let t = e.features.map((e) => typeof e == "number" ? String(e + 1) : e), n = t.length > 1 ? `${t.slice(0, -1).join(", ")} and ${t[t.length - 1]}` : t[0];
	return [e.layer ? `layer ${e.layer}` : "", n ? `feature${t.length > 1 ? "s" : ""} ${n}` : ""].filter(Boolean).join(", ") || "an edit";
}
function Ts(e, t) {
	for (let n of e) if (n.source && t.some((e) => e.run === n.source.run && e.steps.includes(n.source.step))) return n.source;
	return null;
}
// src/components/Legend.svelte
var Es = /* @__PURE__ */ G("<li><span class=\"swatch svelte-pswzrf\"></span> </li>"), Ds = /* @__PURE__ */ G("<p class=\"small\">Colors correspond to input channels:</p> <ul class=\"small channels svelte-pswzrf\" data-testid=\"input-channels\"></ul>", 1), Os = /* @__PURE__ */ G("<p class=\"small\">Colors correspond to input colors</p>"), ks = /* @__PURE__ */ G("<label class=\"small\"><input type=\"checkbox\" data-testid=\"synthetic-thumbs\"/> synthetic pictures</label>"), As = /* @__PURE__ */ G("<p class=\"small\" data-testid=\"edit-caption\">Δ: edited − original (the feature projected out; same levels;\n      ± s.e.); random: a random direction instead. Hover for details.</p>"), js = /* @__PURE__ */ G("<span class=\"small\">unmatched</span>"), Ms = /* @__PURE__ */ G("<span class=\"svelte-pswzrf\"> </span>"), Ns = /* @__PURE__ */ G("<span class=\"edit svelte-pswzrf\"><span class=\"svelte-pswzrf\"> </span> <!> <span class=\"svelte-pswzrf\"> </span></span>"), Ps = /* @__PURE__ */ G("<button class=\"item svelte-pswzrf\"><span></span> <!> <!> <!></button>"), Fs = /* @__PURE__ */ G("<span class=\"small note svelte-pswzrf\">not shown</span>"), Is = /* @__PURE__ */ G("<li class=\"edit svelte-pswzrf\"><span class=\"svelte-pswzrf\"> </span> <span class=\"svelte-pswzrf\"> </span> <!> <span class=\"svelte-pswzrf\"> </span></li>"), Ls = /* @__PURE__ */ G("<ul class=\"small joint svelte-pswzrf\" data-testid=\"joint-edits\"></ul>"), Rs = /* @__PURE__ */ G("<p class=\"small\">Hover to isolate, click to expand feature</p> <!> <!> <div class=\"legend svelte-pswzrf\"><!> <button class=\"item residual svelte-pswzrf\" data-testid=\"legend-residual\"><span></span> <span>residual (everything else)<!></span></button></div> <!>", 1), zs = /* @__PURE__ */ G("<h3> </h3> <!> <h3>Hotkeys</h3> <ul class=\"small hotkeys svelte-pswzrf\"><li class=\"svelte-pswzrf\">&#8592; go backwards</li><li class=\"svelte-pswzrf\">&#8594; go forwards</li><li class=\"svelte-pswzrf\">space: toggle play/pause</li> <li class=\"svelte-pswzrf\">esc: close the feature popup</li><li class=\"svelte-pswzrf\">click the scrub strip or a graph: go to that frame</li></ul>", 1), Bs = {
	hash: "svelte-pswzrf",
	code: ".legend.svelte-pswzrf {display:flex;flex-direction:column;gap:2px;}.item.svelte-pswzrf {display:flex;flex-wrap:wrap;align-items:center;gap:0 0.4em;cursor:pointer;background:none;border:1px solid transparent;padding:2px;font:inherit;text-align:left;}\n  /* the editing result: a line of its own under the disc and the thumbnail */.edit.svelte-pswzrf {flex:1 0 100%;display:flex;flex-wrap:wrap;column-gap:0.6em;font-size:0.78em;color:#444;line-height:1.25;}.edit.svelte-pswzrf > span:where(.svelte-pswzrf) {white-space:nowrap;}.joint.svelte-pswzrf {list-style:none;padding:0;margin:0.4em 0 0;}.joint.svelte-pswzrf .edit:where(.svelte-pswzrf) {margin-bottom:0.3em;}.item.svelte-pswzrf:hover {border-color:#999;}.disc.svelte-pswzrf {display:inline-flex;width:1.6em;height:1.6em;border-radius:50%;align-items:center;justify-content:center;font-weight:bold;color:#000;flex:none;}.disc.unmatched.svelte-pswzrf {outline:2px dashed #555;outline-offset:1px;}.resdisc.svelte-pswzrf {background:#fff;border:2px solid #888;box-sizing:border-box;}.resdisc.dashed.svelte-pswzrf {border-style:dashed;}.channels.svelte-pswzrf {list-style:none;padding:0;}.swatch.svelte-pswzrf {display:inline-block;width:0.9em;height:0.9em;margin-right:0.4em;vertical-align:middle;border:1px solid #888;}.note.svelte-pswzrf {display:block;margin:0;}.hotkeys.svelte-pswzrf {padding-left:1.2em;}\n  /* under the attribution (a narrow frame): the items side by side */\n  @container viewer (width < 50em) {.legend.svelte-pswzrf {flex-direction:row;flex-wrap:wrap;}.residual.svelte-pswzrf {max-width:12em;}.hotkeys.svelte-pswzrf li:where(.svelte-pswzrf) {display:inline;margin-right:1em;}.hotkeys.svelte-pswzrf {padding-left:0;}\n  }"
};
function Vs(e, t) {
	O(t, !0), Z(e, Bs);
	let n = $(t, "viewer", 7), r = /* @__PURE__ */ j(() => n().inputChannels), i = /* @__PURE__ */ j(() => n().manifest?.probe_set.display), a = /* @__PURE__ */ j(() => n().residual || n().hover === "res"), o = /* @__PURE__ */ j(() => n().isInput ? [] : vs(n().manifest, n().layer, n().K)), s = /* @__PURE__ */ j(() => n().isInput ? [] : ys(n().manifest, n().layer)), c = /* @__PURE__ */ j(() => n().featureVis), l = /* @__PURE__ */ j(() => U(c) && n().legendSynthetic ? {
		rows: U(c).objectives.length,
		cols: U(c).features + U(c).channels,
		row: Math.max(U(c).objectives.indexOf("centre"), 0)
	} : null);
	function u(e) {
		return (t, r, i, a) => {
			t ? n().fail(`${e} of layer ${a}`, r, i, t) : n().loaded(`${e} of layer ${a}`, r, i);
		};
	}
	let d = /* @__PURE__ */ j(() => u(U(l) ? "synthetic pictures" : "thumbnails"));
	var f = zs(), p = I(f), m = L(p, !0), h = R(p, 2), g = (e) => {
		var t = Er(), n = I(t), a = (e) => {
			var t = Ds(), n = R(I(t), 2);
			X(n, 21, () => U(r), Y, (e, t) => {
				var n = Es(), r = F(n);
				let i;
				var a = R(r, 1, !0);
				D(n), B(() => {
					i = Qr(r, "", i, { background: U(t).color }), q(a, U(t).label);
				}), K(e, n);
			}), D(n), K(e, t);
		}, o = (e) => {
			K(e, Os());
		};
		J(n, (e) => {
			U(i) && U(i) !== "rgb" ? e(a) : e(o, -1);
		}), K(e, t);
	}, _ = (e) => {
		var t = Rs(), r = R(I(t), 2), i = (e) => {
			var t = ks(), r = F(t);
			ci(r), Te(), D(t), mi(r, () => n().legendSynthetic, (e) => n().legendSynthetic = e), K(e, t);
		};
		J(r, (e) => {
			U(c) && e(i);
		});
		var u = R(r, 2), f = (e) => {
			K(e, As());
		}, p = /* @__PURE__ */ j(() => U(o).some((e) => e) || U(s).length);
		J(u, (e) => {
			U(p) && e(f);
		});
		var m = R(u, 2), h = F(m);
		X(h, 17, () => Array(n().K), Y, (e, t, r) => {
			let i = /* @__PURE__ */ j(() => n().unmatched.includes(r));
			var a = Ps();
			Q(a, "data-testid", `legend-${r}`);
			var s = F(a);
			let c;
			Q(s, "data-testid", `legend-disc-${r}`);
			let u;
			s.textContent = r + 1;
			var f = R(s, 2);
			{
				let e = /* @__PURE__ */ j(() => r === 0 ? U(d) : null);
				Ko(f, {
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
					get synthetic() {
						return U(l);
					},
					get onresult() {
						return U(e);
					}
				});
			}
			var p = R(f, 2), m = (e) => {
				var t = js();
				Q(t, "data-testid", `unmatched-${r}`), K(e, t);
			};
			J(p, (e) => {
				U(i) && e(m);
			});
			var h = R(p, 2), g = (e) => {
				let t = /* @__PURE__ */ j(() => U(o)[r]);
				var n = Ns();
				Q(n, "data-testid", `edit-${r}`);
				var i = F(n);
				Q(i, "data-testid", `edit-delta-${r}`);
				var a = L(i), s = R(i, 2), c = (e) => {
					var n = Ms();
					Q(n, "data-testid", `edit-control-${r}`);
					var i = L(n);
					B(() => q(i, `random ${U(t).controlDelta ?? ""}`)), K(e, n);
				};
				J(s, (e) => {
					U(t).controlDelta && e(c);
				});
				var l = R(s, 2);
				Q(l, "data-testid", `edit-levels-${r}`);
				var u = L(l);
				D(n), B(() => {
					Q(n, "title", U(t).title), Q(n, "data-metric", U(t).metric), q(a, `Δ ${U(t).metric ?? ""} ${U(t).delta ?? ""}`), q(u, `${U(t).levels ?? ""} levels`);
				}), K(e, n);
			};
			J(h, (e) => {
				U(o)[r] && e(g);
			}), D(a), B(() => {
				c = Xr(s, 1, "disc svelte-pswzrf", null, c, { unmatched: U(i) }), Q(s, "data-color", n().palette[r]), u = Qr(s, "", u, { background: n().palette[r] });
			}), mr("mouseenter", a, () => n().hover = r), mr("mouseleave", a, () => n().hover = null), W("click", a, (e) => {
				e.stopPropagation(), n().openFeature(r);
			}), K(e, a);
		});
		var g = R(h, 2), _ = F(g);
		let v;
		var y = R(_, 2), b = R(F(y)), x = (e) => {
			K(e, Fs());
		};
		J(b, (e) => {
			U(a) || e(x);
		}), D(y), D(g), D(m);
		var S = R(m, 2), C = (e) => {
			var t = Ls();
			X(t, 21, () => U(s), Y, (e, t, n) => {
				var r = Is();
				Q(r, "data-testid", `joint-edit-${n}`);
				var i = F(r);
				Q(i, "data-testid", `joint-features-${n}`);
				var a = L(i), o = R(i, 2);
				Q(o, "data-testid", `joint-delta-${n}`);
				var s = L(o), c = R(o, 2), l = (e) => {
					var r = Ms();
					Q(r, "data-testid", `joint-control-${n}`);
					var i = L(r);
					B(() => q(i, `random ${U(t).controlDelta ?? ""}`)), K(e, r);
				};
				J(c, (e) => {
					U(t).controlDelta && e(l);
				});
				var u = R(c, 2);
				Q(u, "data-testid", `joint-levels-${n}`);
				var d = L(u);
				D(r), B(() => {
					Q(r, "title", U(t).title), Q(r, "data-metric", U(t).metric), q(a, `features ${U(t).features ?? ""} together:`), q(s, `Δ ${U(t).metric ?? ""} ${U(t).delta ?? ""}`), q(d, `${U(t).levels ?? ""} levels`);
				}), K(e, r);
			}), D(t), K(e, t);
		};
		J(S, (e) => {
			U(s).length && e(C);
		}), B(() => v = Xr(_, 1, "disc resdisc svelte-pswzrf", null, v, { dashed: !U(a) })), mr("mouseenter", g, () => n().hover = "res"), mr("mouseleave", g, () => n().hover = null), K(e, t);
	};
	J(h, (e) => {
		n().isInput ? e(g) : e(_, -1);
	}), Te(4), B(() => q(m, n().isInput ? "Gradients legend" : "Attribution legend")), K(e, f), k();
}
hr(["click"]);
// src/components/Graph.svelte
var Hs = /* @__PURE__ */ G("<span class=\"other svelte-zhue1c\"> </span>"), Us = /* @__PURE__ */ wr("<line y1=\"0\" y2=\"100\" stroke=\"#ccc\" stroke-width=\"1\" vector-effect=\"non-scaling-stroke\"></line>"), Ws = /* @__PURE__ */ wr("<polyline fill=\"none\" stroke=\"#555\" stroke-width=\"1.2\" stroke-dasharray=\"4 3\" vector-effect=\"non-scaling-stroke\"></polyline>"), Gs = /* @__PURE__ */ wr("<polyline fill=\"none\" stroke-width=\"1.5\" vector-effect=\"non-scaling-stroke\"></polyline>"), Ks = /* @__PURE__ */ G("<div class=\"graph svelte-zhue1c\"><div class=\"label svelte-zhue1c\"><span> </span> <!></div> <svg preserveAspectRatio=\"none\" role=\"slider\" tabindex=\"-1\"><!><!><!><line y1=\"0\" y2=\"100\" stroke=\"rgba(0,0,0,0.4)\" stroke-width=\"2\" vector-effect=\"non-scaling-stroke\"></line></svg></div>"), qs = {
	hash: "svelte-zhue1c",
	code: ".graph.svelte-zhue1c {position:relative;margin-top:0.3em;}.label.svelte-zhue1c {font-size:0.85em;}.other.svelte-zhue1c {color:#555;}svg.svelte-zhue1c {width:100%;height:3em;display:block;background:#fafafa;}svg.seek.svelte-zhue1c {cursor:pointer;}"
};
function Js(e, t) {
	O(t, !0), Z(e, qs);
	let n = $(t, "other", 3, null), r = $(t, "otherLabel", 3, ""), i = $(t, "onseek", 3, null);
	function a(e) {
		let n = e.currentTarget.getBoundingClientRect();
		i()?.(Fa(Ia(e.clientX, n.left, n.width), t.frame, t.visible, t.values.length));
	}
	let o = /* @__PURE__ */ j(() => ka(t.values, n())), s = /* @__PURE__ */ j(() => ja(t.values, t.dones, U(o)[0], U(o)[1])), c = /* @__PURE__ */ j(() => n() && n().length === t.values.length ? ja(n(), t.dones, U(o)[0], U(o)[1]) : []), l = /* @__PURE__ */ j(() => Ma(t.dones));
	var u = Ks(), d = F(u), f = F(d);
	let p;
	var m = L(f, !0), h = R(f), g = R(h), _ = (e) => {
		var i = Hs(), a = L(i);
		B((e) => {
			Q(i, "data-testid", `${t.testid ?? ""}-other`), q(a, `(dashed, ${r() ?? ""}: ${e ?? ""})`);
		}, [() => xa(n()[t.frame])]), K(e, i);
	};
	J(g, (e) => {
		U(c).length && e(_);
	}), D(d);
	var v = R(d, 2);
	let y;
	var b = F(v);
	X(b, 17, () => U(l), Y, (e, t) => {
		var n = Us();
		B(() => {
			Q(n, "x1", U(t)), Q(n, "x2", U(t));
		}), K(e, n);
	});
	var x = R(b);
	X(x, 17, () => U(c), Y, (e, t) => {
		var n = Ws();
		B(() => Q(n, "points", U(t))), K(e, n);
	});
	var S = R(x);
	X(S, 17, () => U(s), Y, (e, n) => {
		var r = Gs();
		B(() => {
			Q(r, "points", U(n)), Q(r, "stroke", t.color);
		}), K(e, r);
	});
	var C = R(S);
	D(v), D(u), B((e) => {
		Q(u, "data-testid", t.testid), p = Qr(f, "", p, { color: t.color }), q(m, t.title), q(h, `: ${e ?? ""} `), Q(v, "viewBox", `${t.frame + .5 - t.visible / 2} 0 ${t.visible ?? ""} 100`), Q(v, "aria-label", t.title), Q(v, "aria-valuenow", t.frame + 1), y = Xr(v, 0, "svelte-zhue1c", null, y, { seek: !!i() }), Q(C, "x1", t.frame + .5), Q(C, "x2", t.frame + .5);
	}, [() => xa(t.values[t.frame])]), W("click", v, a), K(e, u), k();
}
hr(["click"]);
// src/components/Navigator.svelte
var Ys = /* @__PURE__ */ G("<button data-testid=\"pause\">&#10074;&#10074;</button>"), Xs = /* @__PURE__ */ G("<button data-testid=\"play-back\" title=\"play backwards\">&#9664;</button>"), Zs = /* @__PURE__ */ G("<button data-testid=\"play\" title=\"play\">&#9654;</button>"), Qs = /* @__PURE__ */ G("<div class=\"navigator svelte-ybm56p\"><button data-testid=\"step-back\" title=\"step back\">&#8592;</button> <button data-testid=\"first\" title=\"first frame\">&#10074;&#9664;</button> <!> <!> <button data-testid=\"last\" title=\"last frame\">&#9654;&#10074;</button> <button data-testid=\"step-forward\" title=\"step forward\">&#8594;</button> <label>fps <input data-testid=\"fps\" type=\"number\" min=\"0\" max=\"100\" class=\"svelte-ybm56p\"/></label></div>"), $s = {
	hash: "svelte-ybm56p",
	code: ".navigator.svelte-ybm56p {display:flex;flex-wrap:wrap;gap:0.3em;align-items:center;margin:0.4em 0;}input.svelte-ybm56p {width:3.5em;}"
};
function ec(e, t) {
	O(t, !0), Z(e, $s);
	let n = $(t, "playback", 7);
	var r = Qs(), i = F(r), a = R(i, 2), o = R(a, 2), s = (e) => {
		var t = Ys();
		W("click", t, () => n().pause()), K(e, t);
	}, c = (e) => {
		var t = Xs();
		W("click", t, () => n().play(-1)), K(e, t);
	};
	J(o, (e) => {
		n().playing === -1 ? e(s) : e(c, -1);
	});
	var l = R(o, 2), u = (e) => {
		var t = Ys();
		W("click", t, () => n().pause()), K(e, t);
	}, d = (e) => {
		var t = Zs();
		W("click", t, () => n().play(1)), K(e, t);
	};
	J(l, (e) => {
		n().playing === 1 ? e(u) : e(d, -1);
	});
	var f = R(l, 2), p = R(f, 2), m = R(p, 2), h = R(F(m));
	ci(h), D(m), D(r), W("click", i, () => n().step(-1)), W("click", a, () => n().first()), W("click", f, () => n().last()), W("click", p, () => n().step(1)), pi(h, () => n().fps, (e) => n().fps = e), K(e, r), k();
}
hr(["click"]);
// src/components/TrajScrub.svelte
var tc = /* @__PURE__ */ G("<img draggable=\"false\"/>"), nc = /* @__PURE__ */ G("<span></span>"), rc = {
	hash: "svelte-zeo4mg",
	code: ".scrub.svelte-zeo4mg {height:1.6em;width:8em;image-rendering:pixelated;display:block;}.scrub.stretch.svelte-zeo4mg {width:100%;height:100%;}.placeholder.svelte-zeo4mg {background:#ddd;}.missing.svelte-zeo4mg {background:repeating-linear-gradient(45deg, #f3c4c2 0 4px, #fff 4px 8px);}"
};
function ic(e, t) {
	O(t, !0), Z(e, rc);
	let n = $(t, "stretch", 3, !1), r = /* @__PURE__ */ N(""), i = /* @__PURE__ */ N(!1);
	z(() => {
		let [e, n, a] = [
			t.viewer.run,
			t.viewer.step,
			t.traj
		];
		t.viewer.source.image("scrub", e, n, { traj: a }).then((e) => {
			P(r, e.src, !0), P(i, !1);
		}, (a) => {
			P(r, ""), P(i, !0), t.viewer.fail("scrub strips", e, n, a);
		});
	});
	var a = Er(), o = I(a), s = (e) => {
		var i = tc();
		let a;
		B(() => {
			Q(i, "src", U(r)), Q(i, "alt", `trajectory ${t.traj + 1}`), a = Xr(i, 1, "scrub svelte-zeo4mg", null, a, { stretch: n() });
		}), K(e, i);
	}, c = (e) => {
		var t = nc();
		let r;
		B(() => {
			r = Xr(t, 1, "scrub placeholder svelte-zeo4mg", null, r, {
				stretch: n(),
				missing: U(i)
			}), Q(t, "data-testid", U(i) ? "scrub-missing" : null), Q(t, "title", U(i) ? "scrub strip missing (see the notice above)" : null);
		}), K(e, t);
	};
	J(o, (e) => {
		U(r) ? e(s) : e(c, -1);
	}), K(e, a), k();
}
// src/components/Scrubber.svelte
var ac = /* @__PURE__ */ G("<div class=\"scrubber svelte-1bveqj8\" data-testid=\"scrubber\" role=\"slider\" tabindex=\"-1\"><div class=\"pointer svelte-1bveqj8\"></div> <div class=\"tape svelte-1bveqj8\"><!></div> <div class=\"centre svelte-1bveqj8\"></div></div>"), oc = {
	hash: "svelte-1bveqj8",
	code: ".scrubber.svelte-1bveqj8 {position:relative;height:4em;overflow:hidden;background:#eee;cursor:grab;user-select:none;}.tape.svelte-1bveqj8 {position:absolute;top:0;bottom:0;}.centre.svelte-1bveqj8 {position:absolute;left:calc(50% - 4px);width:2px;top:0;bottom:0;background:rgba(0,0,0,0.4);border-left:3px solid rgba(0,0,0,0.1);border-right:3px solid rgba(0,0,0,0.1);}.pointer.svelte-1bveqj8 {position:absolute;left:calc(50% - 5px);top:0;border:5px solid transparent;border-top-color:#000;z-index:1;}"
};
function sc(e, t) {
	O(t, !0), Z(e, oc);
	let n = null, r = /* @__PURE__ */ j(() => Na(t.viewer.T, t.viewer.frame, t.visible));
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
	var s = ac();
	mr("mousemove", Yt, a), mr("mouseup", Yt, o);
	var c = R(F(s), 2);
	let l;
	ic(F(c), {
		get viewer() {
			return t.viewer;
		},
		get traj() {
			return t.viewer.traj;
		},
		stretch: !0
	}), D(c), Te(2), D(s), B(() => {
		Q(s, "aria-valuenow", t.viewer.frame), l = Qr(c, "", l, {
			width: `${U(r).width ?? ""}%`,
			left: `${U(r).left ?? ""}%`
		});
	}), W("mousedown", s, i), K(e, s), k();
}
hr(["mousedown"]);
// src/components/Timeline.svelte
var cc = /* @__PURE__ */ G("<span>last reward: <b> </b></span>"), lc = /* @__PURE__ */ G("<span><b>new episode</b></span>"), uc = /* @__PURE__ */ G("<div class=\"seg svelte-cfijfh\"> </div>"), dc = /* @__PURE__ */ G("<div class=\"display svelte-cfijfh\"><!> <!> <span data-testid=\"frame-label\">frame: <b> </b></span> <span>next action: <b> </b></span></div> <div class=\"policy-row svelte-cfijfh\"><span>policy:</span> <div class=\"policy svelte-cfijfh\" data-testid=\"policy\"></div></div>", 1), fc = /* @__PURE__ */ G("<!> <!>", 1), pc = /* @__PURE__ */ G("<h3>Timeline</h3> <!> <!> <!> <!>", 1), mc = {
	hash: "svelte-cfijfh",
	code: ".display.svelte-cfijfh {display:flex;flex-wrap:wrap;column-gap:1.2em;color:#1f3fa0;margin-bottom:0.2em;}.policy-row.svelte-cfijfh {display:flex;gap:0.4em;align-items:center;color:#1f3fa0;}.policy.svelte-cfijfh {flex:1;min-width:0;display:flex;height:1.4em;border:1px solid #ccc;overflow:hidden;box-sizing:border-box;}.seg.svelte-cfijfh {font-size:0.8em;text-align:center;overflow:hidden;white-space:nowrap;}"
};
function hc(e, t) {
	O(t, !0), Z(e, mc);
	let n = $(t, "other", 3, null), r = {
		advantage: "#1f6fd1",
		value: "#1a9641",
		logit: "#d7301f",
		group: "#f08a00"
	}, i = /* @__PURE__ */ j(() => Math.min(256, Math.max(t.viewer.T, 1))), a = /* @__PURE__ */ j(() => t.viewer.data.series), o = /* @__PURE__ */ j(() => t.viewer.frame), s = /* @__PURE__ */ j(() => t.viewer.labels), c = /* @__PURE__ */ j(() => [...new Set(t.viewer.activeRows.map((e) => e.key))]);
	function l(e) {
		t.viewer.playback.pause(), t.viewer.playback.seek(e);
	}
	function u(e) {
		let n = t.viewer.manifest?.outputs.find((t) => t.key === e)?.kind;
		return n === "v" ? r.value : n === "logit" ? r.logit : r.group;
	}
	var d = pc(), f = R(I(d), 2), p = (e) => {
		var t = dc(), n = I(t), r = F(n), i = (e) => {
			var t = cc(), n = L(R(F(t)), !0);
			D(t), B((e) => q(n, e), [() => xa(U(a).rewards[U(o) - 1])]), K(e, t);
		};
		J(r, (e) => {
			U(o) > 0 && U(a).rewards[U(o) - 1] !== 0 && e(i);
		});
		var c = R(r, 2), l = (e) => {
			K(e, lc());
		};
		J(c, (e) => {
			U(o) > 0 && U(a).dones[U(o) - 1] && e(l);
		});
		var u = R(c, 2), d = L(R(F(u)), !0);
		D(u);
		var f = R(u, 2), p = L(R(F(f)), !0);
		D(f), D(n);
		var m = R(n, 2), h = R(F(m), 2);
		X(h, 21, () => _a(U(a).logits[U(o)] ?? []), Y, (e, t, n) => {
			var r = Er(), i = I(r), a = (e) => {
				let r = /* @__PURE__ */ j(() => Ba(n, U(s).length));
				var i = uc();
				let a;
				var o = L(i, !0);
				B((e) => {
					Q(i, "title", `${U(s)[n] ?? ""}: ${e ?? ""}%`), a = Qr(i, "", a, {
						width: `${U(t) * 100}%`,
						background: `rgb(${U(r) ?? ""},${U(r) ?? ""},${U(r) ?? ""})`,
						color: U(r) < 128 ? "#fff" : "#000"
					}), q(o, U(t) > .06 ? U(s)[n] : "");
				}, [() => (U(t) * 100).toFixed(1)]), K(e, i);
			};
			J(i, (e) => {
				U(t) > .002 && e(a);
			}), K(e, r);
		}), D(h), D(m), B(() => {
			q(d, U(o) + 1), q(p, U(s)[U(a).actions[U(o)]] ?? U(a).actions[U(o)]);
		}), K(e, t);
	};
	J(f, (e) => {
		U(a) && e(p);
	});
	var m = R(f, 2);
	ec(m, { get playback() {
		return t.viewer.playback;
	} });
	var h = R(m, 2);
	sc(h, {
		get viewer() {
			return t.viewer;
		},
		get visible() {
			return U(i);
		}
	});
	var g = R(h, 2), _ = (e) => {
		var d = fc(), f = I(d);
		{
			let e = /* @__PURE__ */ j(() => n()?.series?.advantages ?? null), t = /* @__PURE__ */ j(() => n()?.label ?? "");
			Js(f, {
				title: "advantage",
				get color() {
					return r.advantage;
				},
				get values() {
					return U(a).advantages;
				},
				get dones() {
					return U(a).dones;
				},
				get frame() {
					return U(o);
				},
				get visible() {
					return U(i);
				},
				testid: "graph-advantage",
				onseek: l,
				get other() {
					return U(e);
				},
				get otherLabel() {
					return U(t);
				}
			});
		}
		X(R(f, 2), 17, () => U(c), Y, (e, r) => {
			{
				let c = /* @__PURE__ */ j(() => go(t.viewer.manifest, U(s), U(r))), d = /* @__PURE__ */ j(() => u(U(r))), f = /* @__PURE__ */ j(() => _o(t.viewer.manifest, U(r), U(a))), p = /* @__PURE__ */ j(() => n()?.series ? _o(t.viewer.manifest, U(r), n().series) : null), m = /* @__PURE__ */ j(() => n()?.label ?? "");
				Js(e, {
					get title() {
						return U(c);
					},
					get color() {
						return U(d);
					},
					get values() {
						return U(f);
					},
					get dones() {
						return U(a).dones;
					},
					get frame() {
						return U(o);
					},
					get visible() {
						return U(i);
					},
					get testid() {
						return `graph-${U(r) ?? ""}`;
					},
					onseek: l,
					get other() {
						return U(p);
					},
					get otherLabel() {
						return U(m);
					}
				});
			}
		}), K(e, d);
	};
	J(g, (e) => {
		U(a) && e(_);
	}), K(e, d), k();
}
// src/components/Trajectories.svelte
var gc = /* @__PURE__ */ G("<label><input type=\"radio\" class=\"svelte-1p1jq9n\"/> <!><span></span></label>"), _c = /* @__PURE__ */ G("<li><button class=\"link svelte-1p1jq9n\"> </button></li>"), vc = /* @__PURE__ */ G("<div class=\"svelte-1p1jq9n\"><p class=\"small\"> </p> <ul class=\"svelte-1p1jq9n\"></ul></div>"), yc = /* @__PURE__ */ G("<h3>Trajectories</h3> <div class=\"trajs svelte-1p1jq9n\"></div> <h3>Bookmarks</h3> <div class=\"bookmarks svelte-1p1jq9n\"></div>", 1), bc = {
	hash: "svelte-1p1jq9n",
	code: ".trajs.svelte-1p1jq9n {display:flex;flex-direction:column;gap:2px;max-height:24em;overflow-y:auto;}.traj.svelte-1p1jq9n {display:flex;align-items:center;gap:0.3em;cursor:pointer;padding:1px;}.traj.selected.svelte-1p1jq9n {outline:2px solid #1f6fd1;outline-offset:-2px;}.traj.svelte-1p1jq9n input:where(.svelte-1p1jq9n) {display:none;}ul.svelte-1p1jq9n {list-style:none;padding:0;margin:0 0 0.5em;max-height:16em;overflow-y:auto;}.link.svelte-1p1jq9n {font-size:0.92em;white-space:nowrap;}\n  /* above the other columns (a narrow frame): the trajectories side by side, the bookmarks\n     in two columns */\n  @container viewer (width < 78em) {.trajs.svelte-1p1jq9n {flex-direction:row;flex-wrap:wrap;max-height:7em;column-gap:0.6em;}.bookmarks.svelte-1p1jq9n {display:flex;flex-wrap:wrap;column-gap:1.5em;}.bookmarks.svelte-1p1jq9n > div:where(.svelte-1p1jq9n) {flex:1 1 12em;}ul.svelte-1p1jq9n {max-height:5.6em;overflow-y:auto;}\n  }"
};
function xc(e, t) {
	let n = Dr();
	O(t, !0), Z(e, bc);
	let r = /* @__PURE__ */ j(() => xs(t.viewer.manifest?.bookmarks));
	var i = yc(), a = R(I(i), 2);
	X(a, 21, () => Array(t.viewer.E), Y, (e, r, i) => {
		var a = gc();
		let o;
		Q(a, "data-testid", `traj-${i}`);
		var s = F(a);
		ci(s);
		var c = R(s, 2);
		ic(c, {
			get viewer() {
				return t.viewer;
			},
			traj: i
		});
		var l = R(c);
		l.textContent = i + 1, D(a), B(() => {
			o = Xr(a, 1, "traj svelte-1p1jq9n", null, o, { selected: i === t.viewer.traj }), Q(s, "name", `traj-${n}`), li(s, i === t.viewer.traj);
		}), W("change", s, () => t.viewer.setTraj(i)), K(e, a);
	}), D(a);
	var o = R(a, 4);
	X(o, 21, () => U(r), Y, (e, n) => {
		let r = () => U(n).kind, i = () => U(n).caption, a = () => U(n).marks;
		var o = vc(), s = F(o), c = L(s, !0), l = R(s, 2);
		X(l, 21, a, Y, (e, n, i) => {
			var a = /* @__PURE__ */ j(() => m(U(n), 2));
			let o = () => U(a)[0], s = () => U(a)[1];
			var c = _c(), l = F(c), u = L(l);
			D(c), B(() => {
				Q(l, "data-testid", `bookmark-${r() ?? ""}-${i}`), q(u, `trajectory ${o() + 1}, frame ${s() + 1}`);
			}), W("click", l, () => t.viewer.jump(o(), s())), K(e, c);
		}), D(l), D(o), B(() => {
			Q(o, "data-testid", `bookmarks-${r() ?? ""}`), q(c, i());
		}), K(e, o);
	}), D(o), K(e, i), k();
}
hr(["change", "click"]);
// src/components/ViewerLayout.svelte
var Sc = /* @__PURE__ */ G("<section class=\"trajectories svelte-mkl11s\"><!></section> <section class=\"layers svelte-mkl11s\"><!></section>", 1), Cc = /* @__PURE__ */ G("<section class=\"evolution svelte-mkl11s\"><!></section>"), wc = /* @__PURE__ */ G("<div class=\"frame svelte-mkl11s\"><div><!> <section class=\"timeline svelte-mkl11s\"><!></section> <section class=\"attribution svelte-mkl11s\"><!></section> <section class=\"legend svelte-mkl11s\"><!></section> <!></div></div>"), Tc = {
	hash: "svelte-mkl11s",
	code: "\n  /* The columns are a grid over areas; the frame's width picks the arrangement:\n     - wide (>= 78em, e.g. a 1280 px TensorBoard tab): the original's four columns;\n     - medium (50-78em: MLflow's artifact viewer, a compare pane at 1600 px): trajectories and\n       layers above the timeline and the attribution, the legend on the right from the top;\n     - narrow (< 50em): the legend under the attribution.\n     The main column has a largest width (the table at full size), so that the legend does not move when the table\n     changes (combined attribution), and long captions wrap inside it. The attribution box is a\n     size container too: its cells shrink to fit it (AttributionTable). */.frame.svelte-mkl11s {container:viewer / inline-size;}.viewer.svelte-mkl11s {display:grid;column-gap:1.2em;align-items:start;justify-content:start;grid-template-columns:11.5em fit-content(10em) minmax(0, 58em) 12em;grid-template-rows:auto auto 1fr;grid-template-areas:\"trajectories layers timeline legend\"\n                                 \"trajectories layers attribution legend\"\n                                 \"trajectories layers evolution legend\";}.trajectories.svelte-mkl11s {grid-area:trajectories;min-width:0;}.layers.svelte-mkl11s {grid-area:layers;min-width:0;}.timeline.svelte-mkl11s {grid-area:timeline;min-width:0;}.attribution.svelte-mkl11s {grid-area:attribution;container:attr / inline-size;}.legend.svelte-mkl11s {grid-area:legend;min-width:0;}.evolution.svelte-mkl11s {grid-area:evolution;min-width:0;}\n  @container viewer (width < 78em) {.viewer.svelte-mkl11s {grid-template-columns:minmax(0, 1fr) fit-content(10em) 12em;grid-template-rows:auto auto auto 1fr;grid-template-areas:\"trajectories layers legend\" \"timeline timeline legend\"\n                                   \"attribution attribution legend\" \"evolution evolution legend\";}\n  }\n  @container viewer (width < 50em) {.viewer.svelte-mkl11s {grid-template-columns:minmax(0, 1fr) fit-content(10em);grid-template-rows:auto;grid-template-areas:\"trajectories layers\" \"timeline timeline\" \"attribution attribution\"\n                                   \"legend legend\" \"evolution evolution\";}\n  }"
};
function Ec(e, t) {
	O(t, !0), Z(e, Tc);
	let n = $(t, "secondary", 3, !1), r = $(t, "evolution", 3, !1), i = $(t, "other", 3, null), a = /* @__PURE__ */ j(() => t.viewer.manifest), o = /* @__PURE__ */ j(() => r() && !t.viewer.isInput && t.viewer.stepsOfRun.length > 1 && t.viewer.activeRows.length > 0);
	var s = wc(), c = F(s);
	let l;
	var u = F(c), d = (e) => {
		var n = Sc(), r = I(n);
		xc(F(r), { get viewer() {
			return t.viewer;
		} }), D(r);
		var i = R(r, 2);
		ss(F(i), { get viewer() {
			return t.viewer;
		} }), D(i), K(e, n);
	};
	J(u, (e) => {
		n() || e(d);
	});
	var f = R(u, 2);
	hc(F(f), {
		get viewer() {
			return t.viewer;
		},
		get other() {
			return i();
		}
	}), D(f);
	var p = R(f, 2);
	Uo(F(p), { get viewer() {
		return t.viewer;
	} }), D(p);
	var m = R(p, 2);
	Vs(F(m), { get viewer() {
		return t.viewer;
	} }), D(m);
	var h = R(m, 2), g = (e) => {
		var n = Cc();
		rs(F(n), {
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
				return U(a);
			}
		}), D(n), K(e, n);
	};
	J(h, (e) => {
		U(o) && e(g);
	}), D(c), D(s), B(() => l = Xr(c, 1, "viewer svelte-mkl11s", null, l, { secondary: n() })), K(e, s), k();
}
// src/components/CompareView.svelte
var Dc = /* @__PURE__ */ G("<span class=\"pick svelte-dcls4q\"><b> </b> <!> <!></span>"), Oc = /* @__PURE__ */ G(" <code>--probe-set</code> to compare frame by frame.", 1), kc = /* @__PURE__ */ G("<span data-testid=\"match-status\" class=\"svelte-dcls4q\"> <!></span>"), Ac = /* @__PURE__ */ G("<div role=\"region\"><div class=\"pane-head svelte-dcls4q\"><b data-testid=\"pane-label\"> </b> <span class=\"meta svelte-dcls4q\"> </span></div> <!></div>"), jc = /* @__PURE__ */ G("<div class=\"status svelte-dcls4q\" data-testid=\"compare-status\"><!> <!></div> <div></div> <!>", 1), Mc = /* @__PURE__ */ G("<div class=\"compare svelte-dcls4q\" data-testid=\"compare-view\"><div class=\"bar svelte-dcls4q\"><button data-testid=\"single\">single view</button> <!> <button data-testid=\"swap\">swap</button></div> <!> <!></div>"), Nc = {
	hash: "svelte-dcls4q",
	code: ".compare.svelte-dcls4q {padding:8px;}.bar.svelte-dcls4q {display:flex;gap:0.4em 1em;align-items:center;flex-wrap:wrap;margin-bottom:0.4em;}.pick.svelte-dcls4q {display:inline-flex;gap:0.3em;align-items:center;}.status.svelte-dcls4q {background:#eef4ff;border:1px solid #9bb8e8;padding:0.3em 0.5em;margin-bottom:0.4em;}.status.svelte-dcls4q span:where(.svelte-dcls4q) {display:block;}.panes.svelte-dcls4q {display:flex;flex-direction:column;gap:0.5em;}.panes.beside.svelte-dcls4q {flex-direction:row;align-items:flex-start;}.pane.svelte-dcls4q {flex:1 1 0;min-width:0;border:2px solid #ddd;padding:0 4px 4px;}.pane.active.svelte-dcls4q {border-color:#1f6fd1;}.pane-head.svelte-dcls4q {background:#f3f3f3;padding:2px 6px;margin:0 -4px;display:flex;flex-wrap:wrap;gap:0 1em;}.meta.svelte-dcls4q {color:#666;}"
};
function Pc(e, t) {
	O(t, !0), Z(e, Nc);
	let n = $(t, "compare", 7), r = /* @__PURE__ */ N(0), i = /* @__PURE__ */ j(() => U(r) >= 1360), a = ["a", "b"], o = (e) => e === "a" ? n().a : n().b, s = /* @__PURE__ */ j(() => [n().a.manifest, n().b.manifest]);
	var c = Mc(), l = F(c), u = F(l), d = R(u, 2);
	X(d, 17, () => a, Y, (e, t) => {
		let r = /* @__PURE__ */ j(() => o(U(t)));
		var i = Dc(), a = F(i), s = L(a, !0), c = R(a, 2);
		{
			let e = /* @__PURE__ */ j(() => n().runs.map((e) => ({
				value: e.run,
				label: e.run
			})));
			Ga(c, {
				get testid() {
					return `cmp-run-${U(t) ?? ""}`;
				},
				get value() {
					return U(r).run;
				},
				wide: "20em",
				onchoose: (e) => n().choose(U(t), e),
				get options() {
					return U(e);
				}
			});
		}
		var l = R(c, 2);
		{
			let e = /* @__PURE__ */ j(() => String(U(r).step)), i = /* @__PURE__ */ j(() => n().stepsOf(U(r).run).map((e) => ({
				value: String(e),
				label: String(e)
			})));
			Ga(l, {
				get testid() {
					return `cmp-step-${U(t) ?? ""}`;
				},
				get value() {
					return U(e);
				},
				wide: "20em",
				onchoose: (e) => n().choose(U(t), U(r).run, Number(e)),
				get options() {
					return U(i);
				}
			});
		}
		D(i), B((e) => q(s, e), [() => U(t).toUpperCase()]), K(e, i);
	});
	var f = R(d, 2);
	D(l);
	var p = R(l, 2);
	{
		let e = /* @__PURE__ */ j(() => [
			n().a.error,
			...n().a.notices,
			n().b.error,
			...n().b.notices
		]);
		po(p, {
			get error() {
				return n().error;
			},
			get notices() {
				return U(e);
			}
		});
	}
	var m = R(p, 2), h = (e) => {
		let t = /* @__PURE__ */ j(() => n().match);
		var r = jc(), c = I(r), l = F(c), u = (e) => {
			var t = Tr();
			B(() => q(t, `Same probe set (${U(s)[0].probe_set.id ?? ""}): one timeline drives both panes, and the graphs overlay
        the other side's series (dashed).`)), K(e, t);
		}, d = (e) => {
			var t = Oc(), n = I(t);
			Te(2), B(() => q(n, `Different probe sets (A: ${U(s)[0].probe_set.id ?? "unknown" ?? ""}, B: ${U(s)[1].probe_set.id ?? "unknown" ?? ""}): the
        frames differ, so each pane navigates on its own (the arrow keys move the pane last clicked).
        Analyse both with the same `)), K(e, t);
		};
		J(l, (e) => {
			n().shared ? e(u) : e(d, -1);
		});
		var f = R(l, 2), p = (e) => {
			var n = kc(), r = F(n), i = R(r), a = (e) => {
				var n = Tr();
				B((e) => q(n, `${U(t).pairs.length ?? ""} matched, by ${U(t).reason ?? ""}${e ?? ""}.`), [() => U(t).unmatched_a.length || U(t).unmatched_b.length ? `; unmatched: A ${U(t).unmatched_a.map((e) => e + 1).join(", ") || "none"}, B ${U(t).unmatched_b.map((e) => e + 1).join(", ") || "none"}` : ""]), K(e, n);
			}, o = (e) => {
				var n = Tr();
				B(() => q(n, `not matched: ${U(t).reason ?? ""}.`)), K(e, n);
			};
			J(i, (e) => {
				U(t).method ? e(a) : e(o, -1);
			}), D(n), B(() => q(r, `Features of layer ${U(t).layer ?? ""}: `)), K(e, n);
		};
		J(f, (e) => {
			U(t) && e(p);
		}), D(c);
		var m = R(c, 2);
		let h;
		X(m, 21, () => a, Y, (e, t) => {
			let r = /* @__PURE__ */ j(() => o(U(t))), i = /* @__PURE__ */ j(() => o(U(t) === "a" ? "b" : "a"));
			var a = Ac();
			let s;
			var c = F(a), l = F(c), u = L(l, !0), d = L(R(l, 2));
			D(c);
			var f = R(c, 2);
			{
				let e = /* @__PURE__ */ j(() => n().shared && U(t) === "b"), a = /* @__PURE__ */ j(() => n().shared ? {
					series: U(i).data.series,
					label: U(t) === "a" ? "B" : "A"
				} : null);
				Ec(f, {
					get viewer() {
						return U(r);
					},
					get secondary() {
						return U(e);
					},
					get other() {
						return U(a);
					}
				});
			}
			D(a), B((e, i, o) => {
				s = Xr(a, 1, "pane svelte-dcls4q", null, s, { active: !n().shared && n().active === U(t) }), Q(a, "data-testid", `pane-${U(t) ?? ""}`), Q(a, "aria-label", e), q(u, i), q(d, `${U(r).E ?? ""} trajectories × ${U(r).T ?? ""} steps, probe set ${U(r).manifest?.probe_set.id ?? "?" ?? ""},
              IG completeness error median ${o ?? ""} per frame`);
			}, [
				() => n().label(U(t)),
				() => n().label(U(t)),
				() => Va(U(r).manifest?.completeness?.per_frame.median)
			]), W("pointerdown", a, () => n().active = U(t)), K(e, a);
		}), D(m), X(R(m, 2), 17, () => a, Y, (e, t) => {
			let r = /* @__PURE__ */ j(() => o(U(t)));
			var a = Er(), s = I(a), c = (e) => {
				{
					let a = /* @__PURE__ */ j(() => n().label(U(t))), o = /* @__PURE__ */ j(() => U(i) ? U(t) === "a" ? "right" : "left" : "center");
					ao(e, {
						get viewer() {
							return U(r);
						},
						get label() {
							return U(a);
						},
						get place() {
							return U(o);
						}
					});
				}
			};
			J(s, (e) => {
				U(r).feature !== null && e(c);
			}), K(e, a);
		}), B(() => {
			Q(c, "data-shared", n().shared ? "1" : "0"), h = Xr(m, 1, "panes svelte-dcls4q", null, h, { beside: U(i) });
		}), K(e, r);
	};
	J(m, (e) => {
		n().ready && U(s)[0] && U(s)[1] && e(h);
	}), D(c), W("click", u, function(...e) {
		t.onSingle?.apply(this, e);
	}), W("click", f, () => n().swap()), vi(c, "clientWidth", (e) => P(r, e)), K(e, c), k();
}
hr(["click", "pointerdown"]);
// src/components/LinkStatus.svelte
var Fc = /* @__PURE__ */ G("<li> </li>"), Ic = /* @__PURE__ */ G("<div class=\"status svelte-o4g8cm\" data-testid=\"link-status\" role=\"status\"><span class=\"what\">This link asked for what is not here:</span> <ul class=\"svelte-o4g8cm\"></ul> <button data-testid=\"link-status-dismiss\" title=\"dismiss\" class=\"svelte-o4g8cm\">dismiss</button></div>"), Lc = {
	hash: "svelte-o4g8cm",
	code: ".status.svelte-o4g8cm {display:flex;flex-wrap:wrap;align-items:flex-start;gap:0 1em;margin:8px 8px 0;background:#fff6d6;border:1px solid #e0b400;padding:0.3em 0.5em;overflow-wrap:anywhere;}ul.svelte-o4g8cm {margin:0;padding-left:1.2em;flex:1 1 20em;}button.svelte-o4g8cm {margin-left:auto;}"
};
function Rc(e, t) {
	O(t, !0), Z(e, Lc);
	var n = Er(), r = I(n), i = (e) => {
		var n = Ic(), r = R(F(n), 2);
		X(r, 21, () => t.problems, Y, (e, t) => {
			var n = Fc(), r = L(n, !0);
			B(() => q(r, U(t))), K(e, n);
		}), D(r);
		var i = R(r, 2);
		D(n), W("click", i, function(...e) {
			t.ondismiss?.apply(this, e);
		}), K(e, n);
	};
	J(r, (e) => {
		t.problems.length && e(i);
	}), K(e, n), k();
}
hr(["click"]);
// src/components/Picker.svelte
var zc = /* @__PURE__ */ G("<button data-testid=\"reload\">reload runs</button>"), Bc = /* @__PURE__ */ G("<button data-testid=\"compare\" title=\"show this analysis beside another run or checkpoint\">compare…</button>"), Vc = /* @__PURE__ */ G("<span class=\"meta svelte-83xk1q\" data-testid=\"analysis-completeness\" title=\"|sum of IG - (F(a) - F(0))| over the hidden-layer units: divided by |F(a) - F(0)| of each frame (large where F(a) ~ F(0)), and by the mean |F(a) - F(0)| of the frame's trajectory and output\"> </span>"), Hc = /* @__PURE__ */ G("<button class=\"link\" data-testid=\"compare-original\" title=\"the compare view: this agent beside the original\"> </button>"), Uc = /* @__PURE__ */ G("<span class=\"edited svelte-83xk1q\" data-testid=\"edited-agent\"> <!></span>"), Wc = /* @__PURE__ */ G("<div class=\"picker svelte-83xk1q\"><label>Run <!></label> <label>Checkpoint (training step) <!></label> <!> <!> <!> <!></div>"), Gc = {
	hash: "svelte-83xk1q",
	code: ".picker.svelte-83xk1q {display:flex;gap:0.4em 1em;align-items:center;flex-wrap:wrap;margin-bottom:0.5em;}.meta.svelte-83xk1q {color:#666;}.edited.svelte-83xk1q {background:#fff3d6;border:1px solid #e0b050;padding:0 0.4em;border-radius:3px;}"
};
function Kc(e, t) {
	O(t, !0), Z(e, Gc);
	let n = $(t, "onCompare", 3, null), r = $(t, "embedded", 3, !1), i = /* @__PURE__ */ j(() => t.viewer.manifest), a = /* @__PURE__ */ j(() => Cs(U(i)?.agent)), o = /* @__PURE__ */ j(() => Ts(U(a), t.viewer.runs));
	function s(e) {
		let n = t.viewer.runs.find((t) => t.run === e);
		n && t.viewer.load(n.run, n.steps.includes(t.viewer.step) ? t.viewer.step : n.steps[n.steps.length - 1]);
	}
	var c = Wc(), l = F(c), u = R(F(l));
	{
		let e = /* @__PURE__ */ j(() => t.viewer.runs.map((e) => ({
			value: e.run,
			label: e.run
		})));
		Ga(u, {
			testid: "run-select",
			get value() {
				return t.viewer.run;
			},
			onchoose: s,
			get options() {
				return U(e);
			}
		});
	}
	D(l);
	var d = R(l, 2), f = R(F(d));
	{
		let e = /* @__PURE__ */ j(() => String(t.viewer.step)), n = /* @__PURE__ */ j(() => t.viewer.stepsOfRun.map((e) => ({
			value: String(e),
			label: String(e)
		})));
		Ga(f, {
			testid: "step-select",
			get value() {
				return U(e);
			},
			onchoose: (e) => t.viewer.load(t.viewer.run, Number(e)),
			get options() {
				return U(n);
			}
		});
	}
	D(d);
	var p = R(d, 2), m = (e) => {
		var n = zc();
		W("click", n, () => t.viewer.reload()), K(e, n);
	};
	J(p, (e) => {
		r() || e(m);
	});
	var h = R(p, 2), g = (e) => {
		var t = Bc();
		W("click", t, () => n()?.()), K(e, t);
	};
	J(h, (e) => {
		n() && (t.viewer.runs.length > 1 || t.viewer.stepsOfRun.length > 1) && e(g);
	});
	var _ = R(h, 2), v = (e) => {
		var n = Vc(), r = L(n);
		B((e, n) => q(r, `${U(i).env.kind ?? ""}/${U(i).env.name ?? ""}, ${t.viewer.E ?? ""} trajectories × ${t.viewer.T ?? ""} steps,
      IG completeness error over the analysis: median ${e ?? ""} per frame,
      ${n ?? ""} of the trajectory's mean |F(a) − F(0)|`), [() => Va(U(i).completeness?.per_frame.median), () => Va(U(i).completeness?.unit_scaled.median)]), K(e, n);
	};
	J(_, (e) => {
		U(i) && e(v);
	});
	var y = R(_, 2), b = (e) => {
		var t = Uc(), r = F(t), i = R(r), s = (e) => {
			var t = Hc(), r = L(t);
			B(() => q(r, `compare with the original
          (${U(o).run ?? ""} @ step ${U(o).step ?? ""})`)), W("click", t, () => n()?.(U(o))), K(e, t);
		};
		J(i, (e) => {
			U(o) && n() && e(s);
		}), D(t), B((e) => q(r, `Edited agent: ${e ?? ""} projected out `), [() => U(a).map(ws).join("; ")]), K(e, t);
	};
	J(y, (e) => {
		U(a).length && e(b);
	}), D(c), K(e, c), k();
}
hr(["click"]);
// src/components/SingleView.svelte
var qc = /* @__PURE__ */ G("<div class=\"app svelte-b2f34v\"><!> <!> <!></div> <!>", 1), Jc = {
	hash: "svelte-b2f34v",
	code: ".app.svelte-b2f34v {padding:8px;}"
};
function Yc(e, t) {
	O(t, !0), Z(e, Jc);
	let n = $(t, "reloads", 3, 0), r = $(t, "onCompare", 3, null), i = $(t, "embedded", 3, !1);
	var a = qc(), o = I(a), s = F(o);
	{
		let e = /* @__PURE__ */ j(() => t.viewer.runs.length > 0);
		po(s, {
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
				return U(e);
			}
		});
	}
	var c = R(s, 2);
	Kc(c, {
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
	var l = R(c, 2), u = (e) => {
		Ec(e, {
			get viewer() {
				return t.viewer;
			},
			evolution: !0
		});
	};
	J(l, (e) => {
		t.viewer.manifest && e(u);
	}), D(o);
	var d = R(o, 2), f = (e) => {
		ao(e, { get viewer() {
			return t.viewer;
		} });
	};
	J(d, (e) => {
		t.viewer.manifest && t.viewer.feature !== null && e(f);
	}), B(() => Q(o, "data-reloads", n())), K(e, a), k();
}
// src/components/Root.svelte
var Xc = /* @__PURE__ */ G("<div class=\"rlc svelte-ox335s\"><!> <!></div>"), Zc = {
	hash: "svelte-ox335s",
	code: ".rlc.svelte-ox335s {font:13px/1.4 system-ui, sans-serif;color:#222;}.rlc.svelte-ox335s h3 {margin:0.6em 0 0.3em;font-size:1.05em;}.rlc.svelte-ox335s .small {font-size:0.85em;color:#666;margin:0.2em 0;}.rlc.svelte-ox335s .link {background:none;border:none;color:#1f6fd1;cursor:pointer;padding:0;text-decoration:underline;font:inherit;text-align:left;}"
};
function Qc(e, t) {
	O(t, !0), Z(e, Zc);
	let n = Hi(), r = sr(() => t.source.compare ?? null), i = sr(() => t.source.embedded), a = sr(() => new Ta(t.source)), o = /* @__PURE__ */ N(Kt(n.view.run_b !== void 0 || r ? "compare" : "single")), s = /* @__PURE__ */ N(null), c = () => {}, l = /* @__PURE__ */ N(0), u = /* @__PURE__ */ N([]), d = /* @__PURE__ */ N(0);
	async function f(e, n = !1) {
		c();
		let i = sr(() => new Oa(t.source));
		return c = i.start(), P(s, i), P(o, "compare"), i.open(e, n ? r : null);
	}
	async function p(e) {
		return U(o) === "compare" && (c(), c = () => {}, P(s, null)), P(o, "single"), !a.runs.length && !await a.loadRuns() ? [] : a.apply(e);
	}
	async function m(e, t = !1) {
		Qi(), P(d, U(d) + 1);
		try {
			let n = e.view, r = n.run_b !== void 0 || t ? await f(n, t) : await p(n);
			P(u, [...e.invalid, ...r]);
		} finally {
			P(d, U(d) - 1);
		}
	}
	function h() {
		p(U(s)?.a.manifest ? U(s).a.urlState() : {});
	}
	z(() => {
		U(d) || (U(o) === "single" && a.manifest ? $i(a.urlState()) : U(o) === "compare" && U(s)?.ready && $i(U(s).urlState()));
	});
	function g() {
		return U(o) === "compare" && U(s) ? U(s).a.closeFeature() || U(s).b.closeFeature() : a.closeFeature();
	}
	function _(e, t = !1) {
		ji(e, U(o) === "compare" ? U(s)?.playback ?? null : a.playback, g, t);
	}
	Ci(() => {
		let e = a.start();
		m(n, !!r), i && qi();
		let u = i ? () => {} : aa(() => {
			P(l, U(l) + 1), U(o) === "single" && a.reload();
		}), d = [
			ia((e) => m(e), !i),
			ra(),
			i ? () => {} : na((e) => _(e, !0))
		];
		return wi({
			source: t.source,
			get mode() {
				return U(o);
			},
			state: () => U(o) === "compare" && U(s) ? U(s).state() : {
				mode: U(o),
				run: a.run,
				step: a.step,
				layer: a.layer,
				traj: a.traj,
				frame: a.frame,
				rows: [...a.rows],
				playing: a.playing
			},
			setFrame(e) {
				let t = U(o) === "compare" && U(s) ? U(s).a.playback : a.playback;
				return t.seek(e), Ot(), t.frame;
			}
		}), () => {
			for (let e of d) e();
			u(), c(), e(), a.playback.dispose();
		};
	});
	var v = Xc();
	mr("keydown", Yt, (e) => _(e));
	var y = F(v);
	Rc(y, {
		get problems() {
			return U(u);
		},
		ondismiss: () => P(u, [])
	});
	var b = R(y, 2), x = (e) => {
		Pc(e, {
			get compare() {
				return U(s);
			},
			onSingle: h
		});
	}, S = (e) => {
		Yc(e, {
			get viewer() {
				return a;
			},
			get reloads() {
				return U(l);
			},
			get embedded() {
				return i;
			},
			onCompare: (e) => f({
				...a.urlState(),
				...e ? {
					run_b: e.run,
					step_b: e.step
				} : {}
			})
		});
	};
	J(b, (e) => {
		U(o) === "compare" && U(s) ? e(x) : U(o) === "single" && e(S, 1);
	}), D(v), B(() => Q(v, "data-link-problems", U(u).length)), K(e, v), k();
}
// src/routes.ts
var $c = /* @__PURE__ */ new Set(["v", "v_b"]);
function el(e) {
	return new URLSearchParams(Object.entries(e).map(([e, t]) => [e, String(t)])).toString();
}
function tl(e) {
	return String(Number(e));
}
var nl = /[A-Za-z0-9_.~-]/, rl = new TextEncoder();
function il(e) {
	let t = "";
	for (let n of rl.encode(e)) {
		let e = String.fromCharCode(n);
		n < 128 && nl.test(e) ? t += e : t += n === 32 ? "+" : "%" + n.toString(16).toUpperCase().padStart(2, "0");
	}
	return t;
}
function al(e, t) {
	return `${e}?${Object.entries(t).filter(([e]) => !$c.has(e)).map(([e, t]) => [e, String(t)]).sort(([e, t], [n, r]) => e < n ? -1 : e > n ? 1 : t < r ? -1 : +(t > r)).map(([e, t]) => `${il(e)}=${il(t)}`).join("&")}`;
}
// src/data.ts
var ol = class e {
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
		let r = `${al(e, t)}#${t.v ?? ""}/${t.v_b ?? ""}`, i = this.cache.get(r);
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
	manifest(e, t, n = !1) {
		let r = {
			run: e,
			step: t
		};
		return n && this.cache.delete(`${al("manifest", r)}#/`), this.memo("manifest", r, async () => {
			let n = await this.transport.json("manifest", r);
			return this.digests.set(`${e}\u0000${t}`, (n.digest || "").slice(0, 12)), n;
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
			return mo(s, o.shape, o.codec);
		});
	}
	featureGrid(e, t, n, r, i, a) {
		return this.json("feature_grid", this.params(e, t, {
			layer: n,
			feature: r,
			subdiv: tl(i),
			expand: tl(a)
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
			subdiv: tl(r.subdiv),
			expand: tl(r.expand)
		} : r, a = this.params(t, n, i);
		return this.memo(e, a, () => this.transport.image(e, a));
	}
	fullFrame(t, n, r) {
		let i = this.params(t, n, r), a = `${al("fullres", i)}#${i.v ?? ""}`, o = this.full.get(a);
		for (o ? this.full.delete(a) : (o = this.transport.image("fullres", i), o.catch(() => this.full.delete(a))), this.full.set(a, o); this.full.size > e.fullFrames;) this.full.delete(this.full.keys().next().value);
		return o;
	}
}, sl = class {
	base;
	embedded = !1;
	constructor(e = "./") {
		this.base = e;
	}
	url(e, t) {
		return `${this.base}${e}?${el(t)}`;
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
		return cl(n).catch(async () => {
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
function cl(e) {
	return new Promise((t, n) => {
		let r = new Image();
		r.onload = () => t(r), r.onerror = () => n(new oa("picture", 0, "the picture could not be decoded")), r.src = e;
	});
}
// src/parts.ts
var ll = [
	0,
	13,
	60
];
function ul(e) {
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
		i < 3 ? (a(ll[i]), a(r & 127)) : a(ll[i - 3]);
	}
	return t.slice(0, n);
}
function dl(e, t) {
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
function fl(e) {
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
async function pl(e) {
	let t = new Blob([e]).stream().pipeThrough(new DecompressionStream("deflate"));
	return new Uint8Array(await new Response(t).arrayBuffer());
}
// src/png.ts
var ml = (() => {
	let e = /* @__PURE__ */ new Uint32Array(256);
	for (let t = 0; t < 256; t++) {
		let n = t;
		for (let e = 0; e < 8; e++) n = n & 1 ? 3988292384 ^ n >>> 1 : n >>> 1;
		e[t] = n >>> 0;
	}
	return e;
})();
function hl(e) {
	let t = 4294967295;
	for (let n = 0; n < e.length; n++) t = ml[(t ^ e[n]) & 255] ^ t >>> 8;
	return (t ^ 4294967295) >>> 0;
}
function gl(e, t) {
	let n = new Uint8Array(12 + t.length), r = new DataView(n.buffer);
	r.setUint32(0, t.length);
	for (let t = 0; t < 4; t++) n[4 + t] = e.charCodeAt(t);
	return n.set(t, 8), r.setUint32(8 + t.length, hl(n.subarray(4, 8 + t.length))), n;
}
async function _l(e) {
	let t = new Blob([e]).stream().pipeThrough(new CompressionStream("deflate"));
	return new Uint8Array(await new Response(t).arrayBuffer());
}
async function vl(e, t, n) {
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
		gl("IHDR", i),
		gl("IDAT", await _l(r)),
		gl("IEND", /* @__PURE__ */ new Uint8Array())
	], s = new Uint8Array(o.reduce((e, t) => e + t.length, 0)), c = 0;
	for (let e of o) s.set(e, c), c += e.length;
	return s;
}
function yl(e, t) {
	let n = "";
	for (let e = 0; e < t.length; e += 32768) n += String.fromCharCode(...t.subarray(e, e + 32768));
	return `data:${e};base64,${btoa(n)}`;
}
var bl = class {
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
		let n = this.routes[al(e, t)];
		if (!n) {
			let n = this.analyses.map((e) => `${e.run} at step ${e.step}`).join(" and ");
			throw Error(`this page does not hold ${e} of ${JSON.stringify(t)} (it holds ${n}, as exported)`);
		}
		return n;
	}
	raw([, e, t]) {
		return ul(this.text.slice(e, t));
	}
	async json(e, t) {
		let n = this.entry(e, t);
		if (n[0] === "json") return JSON.parse(new TextDecoder().decode(await pl(this.raw(n))));
		if (n[0] === "json+arrays") return fl(await pl(this.raw(n)));
		throw Error(`${e} is recorded as ${n[0]}, not JSON`);
	}
	async bytes(e, t) {
		let n = this.entry(e, t);
		if (n[0] === "planes-avg") {
			let e = await this.json("unit", t);
			return dl(await pl(this.raw(n)), e.shape);
		}
		if (n[0] === "bytes") return this.raw(n);
		throw Error(`${e} is recorded as ${n[0]}, not bytes`);
	}
	async image(e, t) {
		let n = this.entry(e, t);
		if (n[0] === "bytes") return cl(yl(n[3], this.raw(n)));
		if (n[0] === "feature-alpha") {
			let e = await this.featurePixels(t);
			return cl(yl("image/png", await vl(e.width, e.height, e.data)));
		}
		throw Error(`${e} is recorded as ${n[0]}, not a picture`);
	}
	sheetPixels(e, t) {
		let n = {
			run: e.run,
			step: e.step,
			sheet: t
		}, r = al("observations", n), i = this.sheets.get(r);
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
			pl(this.raw(this.entry("feature", e)))
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
function xl(e) {
	document.body.style.margin = "0", Mr(Qc, {
		target: document.body,
		props: { source: e ?? new ol(new sl("./")) }
	});
}
var Sl = document.getElementById("rlc-index"), Cl = document.getElementById("rlc-blobs");
Sl && Cl && xl(new ol(new bl(Sl, Cl)));
export { xl as render };
