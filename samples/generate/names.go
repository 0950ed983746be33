package main

import "strings"

// Name and place lists. All combinations are made up; any resemblance to a
// real person is coincidental.

var boys = []string{
	"Daan", "Sem", "Noah", "Lucas", "Levi", "Finn", "Luuk", "Mees", "Jesse", "Milan",
	"Bram", "Thijs", "Sam", "Max", "Julian", "Liam", "Adam", "Noud", "Siem", "Jens",
	"Teun", "Ties", "Gijs", "Olivier", "Mohammed", "Yusuf", "Ravi", "Mats", "Boaz", "Hugo",
	"Stijn", "Ruben", "Jurre", "Owen", "Otis", "Hidde", "Wout", "Kian", "Ilyas", "Tygo",
}

var girls = []string{
	"Emma", "Julia", "Mila", "Tess", "Sophie", "Zoë", "Sara", "Nora", "Yara", "Eva",
	"Liv", "Lotte", "Saar", "Evi", "Noor", "Anna", "Lieke", "Fleur", "Roos", "Nina",
	"Maud", "Fenna", "Isa", "Jasmijn", "Amira", "Lina", "Hiba", "Esmee", "Femke", "Olivia",
	"Elin", "Sofie", "Lauren", "Ivy", "Puck", "Merel", "Fay", "Hanna", "Ayla", "Vera",
}

var women = []string{
	"Sanne", "Lisa", "Anouk", "Marloes", "Iris", "Kim", "Laura", "Esther", "Inge", "Mariëlle",
	"Judith", "Naima", "Fatma", "Ilse", "Linda", "Jolien", "Eline", "Nicole", "Suzanne", "Monique",
	"Priya", "Charlotte", "Renske", "Miriam", "Sabine", "Hatice", "Joyce", "Anne", "Petra", "Wendy",
}

var men = []string{
	"Jeroen", "Mark", "Bas", "Tim", "Niels", "Sander", "Martijn", "Erik", "Dennis", "Wouter",
	"Rick", "Joost", "Youssef", "Mehmet", "Pieter", "Ruud", "Frank", "Thomas", "Vincent", "Arjen",
	"Kevin", "Marco", "Robin", "Hamza", "Koen", "Remco", "Jasper", "Stefan", "Michiel", "Bart",
}

var lastNames = []string{
	"de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot",
	"Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits",
	"de Graaf", "van der Meer", "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen", "van den Heuvel", "van der Veen", "van den Broek",
	"de Bruijn", "de Jong", "Willems", "Hoekstra", "Koster", "Prins", "Huisman", "Kuipers", "Postma", "Schouten",
	"Verhoeven", "El Amrani", "Yılmaz", "Kaya", "Öztürk", "Bouzid", "Nguyen", "Ramdin", "Wijnberg", "Molenaar",
	"Zwart", "Timmermans", "Boersma", "Scholten", "van Dam", "Kramer", "Veenstra", "Haddou", "Sedney", "Lammers",
}

// Fictional streets of the fictional town Wiekendam and two villages.
var streets = []string{
	"Klimopstraat", "Molenweg", "Wiekenlaan", "Zeilmakerskade", "Havenstraat", "Kaapstanderhof",
	"Lijnbaan", "Meeldijk", "Korenbloemstraat", "Graanzolder", "Ankerplein", "Roerhof",
	"Sluiswachtersweg", "Touwslagerij", "Ketelmakerstraat", "Beukenlaan", "Lindelaan", "Zwanenvliet",
	"Stellingmolen", "Kruiersgang", "Bolwerk", "Vlonderpad", "Peperstraat", "Jachthavenweg",
}

type town struct {
	Name   string
	Prefix int // first two digits of the made-up postcode range
	Weight int
}

var towns = []town{
	{"Wiekendam", 48, 7},
	{"Oosterwiek", 49, 2},
	{"Havenbroek", 47, 1},
}

var huisartsen = []string{
	"Huisartsenpraktijk De Wieken", "Huisartsen Havenkwartier", "Gezondheidscentrum Oosterwiek",
	"Huisartspraktijk Bolwerk", "Huisartsen aan de Lijnbaan",
}

var schools = []string{
	"OBS De Wiekslag", "CBS Het Anker", "Montessorischool Wiekendam", "IKC De Zeester", "Basisschool De Vlonder",
}

var nationalities = []string{
	"Nederlandse", "Nederlandse", "Nederlandse", "Nederlandse", "Nederlandse", "Nederlandse",
	"Nederlandse", "Nederlandse", "Nederlandse", "Nederlandse", "Nederlandse", "Nederlandse",
	"Marokkaanse", "Turkse", "Poolse", "Syrische", "Belgische", "Duitse",
}

var homeLanguages = []string{"Nederlands", "Nederlands", "Nederlands", "Nederlands", "Nederlands", "Nederlands", "Arabisch en Nederlands", "Turks en Nederlands", "Pools", "Engels en Nederlands"}

var adminRemarks = []string{
	"Flexibele opvang", "Broertje/zusje op wachtlijst", "Incasso rond de 25e", "Extra dag aangevraagd per volgende maand",
	"Wisseldag in overleg", "Wenperiode afgerond", "Machtiging gewijzigd", "Opvang via sociaal-medische indicatie (gemeente)",
}

// splitPrefix splits a last name into its tussenvoegsel (the leading words
// in lower case: "van den") and the rest ("Berg"), as systems that keep the
// tussenvoegsel in a field of its own export it.
func splitPrefix(last string) (prefix, name string) {
	words := strings.Fields(last)
	i := 0
	for i < len(words)-1 && words[i] == strings.ToLower(words[i]) {
		i++
	}
	return strings.Join(words[:i], " "), strings.Join(words[i:], " ")
}
