// Package datetest holds the assertion the rule packages' tests share for
// dates a rule would compute past 9999-12-31.
package datetest

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
)

// RequireRefused asserts that err is the *hubrules.InputError of
// hubrules.CheckComputed for a date past 9999-12-31, with one field at path.
func RequireRefused(t testing.TB, err error, path string) {
	t.Helper()
	var ie *hubrules.InputError
	require.ErrorAs(t, err, &ie)
	require.Len(t, ie.Fields, 1)
	assert.Equal(t, path, ie.Fields[0].Path)
	assert.Equal(t, "date_range", ie.Fields[0].Code)
	assert.Contains(t, ie.Fields[0].Message.EN, "would pass 9999-12-31")
	assert.NotEmpty(t, ie.Fields[0].Message.ZH)
}
