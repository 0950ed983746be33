package profiles

import (
	"slices"
	"strings"
)

// enumConcepts are, per enumeration column and canonical value, the
// concept sets of the value's known labels and of its own name
// ("photo_external" is photo, external).
var enumConcepts = func() map[string]map[string][][]string {
	out := map[string]map[string][][]string{}
	for col, vals := range valueSynonyms {
		out[col] = map[string][][]string{}
		for v, labels := range vals {
			sets := [][]string{Concepts(strings.ReplaceAll(v, "_", " "))}
			for _, l := range labels {
				sets = append(sets, Concepts(l))
			}
			out[col][v] = sets
		}
	}
	return out
}()

// minValueSimilarity is the least word similarity that proposes a
// canonical value for a label no profile knows; it is proposed for review.
const minValueSimilarity = 0.3

// nearestValue proposes the canonical value of column (one of allowed) a
// label means, by its words: "Foto's op social media en website" is
// photo_external. score is the word similarity; ok is false when no value
// comes near enough, or two come equally near.
func nearestValue(column string, allowed []string, label string) (value string, score float64, ok bool) {
	lc := Concepts(label)
	if len(lc) == 0 {
		return "", 0, false
	}
	second := 0.0
	for _, v := range allowed {
		best := 0.0
		sets := enumConcepts[column][v]
		if len(sets) == 0 {
			// a value no profile has labels for ("legal_duty"): its own name
			sets = [][]string{Concepts(strings.ReplaceAll(v, "_", " "))}
		}
		for _, set := range sets {
			best = max(best, similarity(lc, set))
		}
		switch {
		case best > score:
			second, score, value = score, best, v
		case best > second:
			second = best
		}
	}
	if v := visitDirection(label); v != "" && (value == "friend_visit" || value == "visit_friend") {
		// The words of both are a friend and playing; who goes where is
		// in their order.
		value, second = v, 0
	}
	if v := photoChannel(lc); v != "" && (value == "photo_external" || value == "photo_website" || value == "photo_social") {
		// Photos on the website and on social media together are both
		// channels: photo_external; one channel alone is its own value.
		value, second = v, 0
	}
	if slices.Contains(lc, "photo") && photoChannel(lc) == "" && inPortal(label) && slices.Contains(allowed, "photo_portal") {
		// Photos in the portal's own timeline or diary ("Photos in the
		// Kwebbel timeline") are photo_portal; left out, every photo
		// would be one without consent.
		return "photo_portal", max(score, minValueSimilarity), true
	}
	if score < minValueSimilarity || score-second < 0.1 {
		return "", score, false
	}
	return value, score, true
}

// inPortal reports whether a label places something in the parent
// portal: its app, timeline or diary ("tijdlijn", "dagboek", "ouderapp").
func inPortal(label string) bool {
	for _, w := range words(label) {
		switch t := w.text; {
		case t == "timeline" || t == "tijdlijn" || t == "dagboek" || t == "diary" || t == "feed":
			return true
		case strings.HasSuffix(t, "app") || strings.HasSuffix(t, "portal") || strings.HasSuffix(t, "portaal"):
			return true
		}
	}
	return false
}

// photoChannel is the photo consent a label's concepts name by channel:
// photo_external for the website and social media together (or "extern"),
// photo_website or photo_social for one of them; "" when it names none.
func photoChannel(concepts []string) string {
	has := map[string]bool{}
	for _, c := range concepts {
		has[c] = true
	}
	switch {
	case has["website"] && has["social"]:
		return "photo_external"
	case has["website"]: // "public website" names its channel
		return "photo_website"
	case has["social"]:
		return "photo_social"
	case has["external"]:
		return "photo_external"
	}
	return ""
}

// visitDirection tells a friend's visit from a visit to a friend by the
// order of the words: the friend before the visit ("Vriendje komt
// spelen", "Friend may visit") is friend_visit; the visit first, or "bij",
// "at" or "to" before the friend ("Spelen bij vriendje", "May visit a
// friend", "Mag bij een vriendje spelen") is visit_friend.
func visitDirection(label string) string {
	friend, visit, toward := -1, -1, false
	for i, w := range words(label) {
		switch c := conceptOf(w.text); {
		case c == "friend" && friend < 0:
			friend = i
		case c == "play" && visit < 0:
			visit = i
		case friend < 0 && (w.text == "bij" || w.text == "at" || w.text == "to" || w.text == "naar"):
			toward = true
		}
	}
	switch {
	case friend < 0 || visit < 0:
		return ""
	case toward || visit < friend:
		return "visit_friend"
	}
	return "friend_visit"
}
