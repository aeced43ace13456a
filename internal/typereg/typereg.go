// Package typereg is the registry of per-type fast paths that rule
// packages fill from their init functions and the library's general code
// looks up: the hand-written decoders of internal/fastdecode and the
// envelope writers of internal/resultjson.
package typereg

import "reflect"

// Registry maps a Go type to its function F. It is written by init
// functions only and read without locking afterwards.
type Registry[F any] struct {
	name string
	m    map[reflect.Type]F
}

// New returns an empty registry; name is used in its panics.
func New[F any](name string) *Registry[F] {
	return &Registry[F]{name: name, m: map[reflect.Type]F{}}
}

// Register makes f the function of type t; a second registration of one
// type panics.
func (r *Registry[F]) Register(t reflect.Type, f F) {
	if _, dup := r.m[t]; dup {
		panic(r.name + ": " + t.String() + " registered twice")
	}
	r.m[t] = f
}

// Lookup returns the function of type t and whether there is one.
func (r *Registry[F]) Lookup(t reflect.Type) (F, bool) {
	f, ok := r.m[t]
	return f, ok
}
