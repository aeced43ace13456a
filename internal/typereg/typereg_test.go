package typereg

import (
	"reflect"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestRegistry(t *testing.T) {
	r := New[func() int]("test")
	_, ok := r.Lookup(reflect.TypeOf(0))
	require.False(t, ok)
	r.Register(reflect.TypeOf(0), func() int { return 7 })
	f, ok := r.Lookup(reflect.TypeOf(0))
	require.True(t, ok)
	require.Equal(t, 7, f())
	_, ok = r.Lookup(reflect.TypeOf(""))
	require.False(t, ok)
	require.PanicsWithValue(t, "test: int registered twice", func() { r.Register(reflect.TypeOf(0), func() int { return 8 }) })
}
