/** The issue.yaml the OIN-stelsel corpus is built with: the only file added to it. */
export const oinIssueYaml = `title: OIN-stelsel
subtitle: Het doel en de werking van het OIN-stelsel
date: 2026-03
language: nl
slug: oin-stelsel
articles:
  - abstract.md
  - ch01_Inleiding.md
  - ch02_Architectuurvisie.md
  - ch03_Businessarchitectuur.md
  - ch04_Applicatie-architectuur.md
  - "ch05_Het beheer van SubOINs in de [=COR=].md"
  - ch06_Data Architectuur.md
  - ch07_Technologie-architectuur.md
  - ch08_Bijlage A - Begrippen.md
  - ch09_Bijlage B - Nuttige links.md
  - OIN-SubOIN_in_PkioCert.md
`;
