package grading

import "github.com/hubrules/hubrules"

// Points is hubrules.Points, the score in tenths of a point that grading and
// incubation share.
//
// Deprecated: use hubrules.Points, hubrules.Pt, hubrules.ParsePoints and
// hubrules.MustPoints. The alias stays only until the CLI's schema
// generator names the root type; it will be removed before 1.0.
type Points = hubrules.Points
