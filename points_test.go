package hubrules_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
)

func TestPoints_ParseExactTenths(t *testing.T) {
	for _, c := range []struct {
		in   string
		want hubrules.Points
		out  string
	}{{"3.5", 35, "3.5"}, {"0.5", 5, "0.5"}, {"950", 9500, "950"}, {"0", 0, "0"}, {"12.0", 120, "12"}, {"-2", -20, "-2"}, {"1.50", 15, "1.5"}} {
		p, err := hubrules.ParsePoints(c.in)
		require.NoError(t, err, c.in)
		assert.Equal(t, c.want, p, c.in)
		assert.Equal(t, c.out, p.String())
	}
	for _, bad := range []string{"", "3.55", "1e3", "abc", ".5", "5.", "3,5", "--1", "99999999999999"} {
		_, err := hubrules.ParsePoints(bad)
		var ie *hubrules.InputError
		require.ErrorAs(t, err, &ie, bad)
		require.NotEmpty(t, ie.Fields[0].Message.ZH)
	}
}

func TestPoints_JSONRoundTrip(t *testing.T) {
	var v struct{ P hubrules.Points }
	require.NoError(t, json.Unmarshal([]byte(`{"P":"3.5"}`), &v))
	assert.Equal(t, hubrules.Points(35), v.P)
	require.NoError(t, json.Unmarshal([]byte(`{"P":20}`), &v))
	assert.Equal(t, hubrules.Pt(20), v.P)
	b, err := json.Marshal(v)
	require.NoError(t, err)
	assert.JSONEq(t, `{"P":"20"}`, string(b))
	assert.Error(t, json.Unmarshal([]byte(`{"P":"0.25"}`), &v))
}
