// Package clone makes deep copies with reflection: a copy shares no memory
// reachable through exported fields with the original, and a value that
// contains itself is copied with the same shape. hubrules.Mask is a Copier
// that masks the strings of personal fields; the rule packages use Copy to
// hand out parameters without sharing them.
package clone

import "reflect"

// Copy returns a deep copy of v. It follows exported struct fields,
// pointers, slices, arrays, maps and interfaces; unexported fields are
// copied as they are (the rule packages keep only immutable values there).
func Copy[T any](v T) T {
	var c Copier
	return c.Copy(reflect.ValueOf(&v).Elem()).Interface().(T)
}

// Copier is a deep copy that can treat marked struct fields specially.
type Copier struct {
	// Marked reports whether a struct field is marked; everything inside
	// a marked field is marked too. Nil: none is.
	Marked func(reflect.StructField) bool
	// String maps each marked string. Nil: strings are kept.
	String func(string) string
	// ZeroMarked replaces a marked field that is not a string with its
	// zero value.
	ZeroMarked bool
}

// Copy returns a deep copy of v (of v's type).
func (c *Copier) Copy(v reflect.Value) reflect.Value {
	w := walk{c: c, seen: map[ref]reflect.Value{}}
	out := reflect.New(v.Type()).Elem()
	w.value(out, v, false)
	return out
}

// ref identifies a pointer, slice or map: its address, its type (a struct
// and its first field share an address), for a slice its length, and
// whether it is copied as marked (a value reached both inside and outside a
// marked field is copied twice).
type ref struct {
	addr   uintptr
	typ    reflect.Type
	n      int
	marked bool
}

type walk struct {
	c *Copier
	// seen maps a pointer, slice or map already copied (or being copied)
	// to its copy, so that cycles end.
	seen map[ref]reflect.Value
}

// copied sets dst to the copy of src already made, if any.
func (w *walk) copied(dst, src reflect.Value, n int, marked bool) (ref, bool) {
	r := ref{addr: src.Pointer(), typ: src.Type(), n: n, marked: marked}
	if c, ok := w.seen[r]; ok {
		dst.Set(c)
		return r, true
	}
	return r, false
}

func (w *walk) value(dst, src reflect.Value, marked bool) {
	switch src.Kind() {
	case reflect.String:
		if marked && w.c.String != nil {
			dst.SetString(w.c.String(src.String()))
			return
		}
		dst.Set(src)
	case reflect.Struct:
		t := src.Type()
		dst.Set(src)
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			m := marked || w.c.Marked != nil && w.c.Marked(f)
			if w.c.ZeroMarked && m && src.Field(i).Kind() != reflect.String {
				dst.Field(i).Set(reflect.Zero(f.Type))
				continue
			}
			w.value(dst.Field(i), src.Field(i), m)
		}
	case reflect.Pointer, reflect.Slice, reflect.Map:
		if src.IsNil() {
			dst.Set(src)
			return
		}
		n := 0
		if src.Kind() == reflect.Slice {
			n = src.Len()
		}
		r, ok := w.copied(dst, src, n, marked)
		if !ok {
			w.reference(dst, src, r, marked)
		}
	case reflect.Array:
		for i := 0; i < src.Len(); i++ {
			w.value(dst.Index(i), src.Index(i), marked)
		}
	case reflect.Interface:
		if src.IsNil() {
			dst.Set(src)
			return
		}
		inner := src.Elem()
		c := reflect.New(inner.Type()).Elem()
		w.value(c, inner, marked)
		dst.Set(c)
	default:
		dst.Set(src)
	}
}

// reference copies a non-nil pointer, slice or map met for the first time
// (identified by r), recording the copy before its contents so that a
// back-reference finds it.
func (w *walk) reference(dst, src reflect.Value, r ref, marked bool) {
	switch src.Kind() {
	case reflect.Pointer:
		n := reflect.New(src.Type().Elem())
		w.seen[r] = n
		w.value(n.Elem(), src.Elem(), marked)
		dst.Set(n)
	case reflect.Slice:
		n := reflect.MakeSlice(src.Type(), src.Len(), src.Len())
		if src.Len() > 0 {
			w.seen[r] = n
		}
		for i := 0; i < src.Len(); i++ {
			w.value(n.Index(i), src.Index(i), marked)
		}
		dst.Set(n)
	default:
		n := reflect.MakeMapWithSize(src.Type(), src.Len())
		w.seen[r] = n
		it := src.MapRange()
		for it.Next() {
			k := reflect.New(src.Type().Key()).Elem()
			w.value(k, it.Key(), marked)
			v := reflect.New(src.Type().Elem()).Elem()
			w.value(v, it.Value(), marked)
			n.SetMapIndex(k, v)
		}
		dst.Set(n)
	}
}
