"use strict";const r=db.prepare("SELECT count(*) AS n FROM products").get();
