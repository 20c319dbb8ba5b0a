package main

import (
	"flag"
	"log"

	"example.com/harvester/store"
)

func main() {
	dbPath := flag.String("db", "harvest.db", "the SQLite file to write")
	flag.Parse()
	s, err := store.Open(*dbPath)
	if err != nil {
		log.Fatalf("Select another file: %v", err)
	}
	feeds, items, _ := s.Counts()
	log.Printf("%d feeds, %d items; update with -refresh", feeds, items)
}
