// Short texts worth keeping from the page, each family by name. The gather keeps a text (≤ 300 characters around
// the match) when one of these patterns matches; detectors then judge. Broad on purpose: a detector can drop a
// match, it cannot recover one the gather did not keep.

export const TEXT_PATTERNS: Record<string, RegExp> = {
  copyright: /[©ⓒ]|\(c\)\s*\d{4}|copyright|tous droits réservés|all rights reserved/i,
  licence: /licence ouverte|open licen[cs]e|etalab|creative commons|\bcc[ -]?(by|0)\b|domaine public|public domain|licence art libre|\bodbl\b/i,
  gar: /\bGAR\b|[Cc]ompatible [Gg][Aa][Rr]\b|[Gg]estionnaire d['’]acc[èe]s aux ressources|[Mm][ée]diacentre/,
  // Issue 22: the labels of a visible date in the other languages teachers meet, and bare "Date :" / "Posted".
  updated: /mis à jour|mise à jour|modifié le|publié le|mis en ligne le|date de publication|dernière modification|last updated|updated on|published on|last modified|publié|mis en ligne|\bdate\s*:|\bposted\b|\bpublished\b|\bupdated\b|veröffentlicht|aktualisiert|zuletzt geändert|\bstand\s*:|\bdatum\s*:|erstellt am|publicado|actualizado|pubblicato|aggiornato|gepubliceerd/i,
  price: /gratuit|payant|tarif|abonnement|essai gratuit|freemium|premium|licence (établissement|monoposte|classe)|\bmonoposte\b|\bmultiposte\b|€|free trial|pricing|subscription|in-app|achats? intégrés|offre (établissement|école)|réservé aux abonnés|subscribers? only|abonnenten|abonnés/i,
  'ad-label': /^\s*(publicité|publicite|annonce|annonces|sponsorisé|sponsorisée|contenu sponsorisé|advertisement|advertising|sponsored|ad|ads|pub|anzeige|werbung|gesponsert|publicidad|patrocinado|pubblicità|sponsorizzato|advertentie|reclame)\s*:?\s*$/i,
  signup: /créer (un|mon|votre) compte|inscri(s|p|v)|s'inscrire|je m'inscris|sign ?up|register|create (an|your) account/i,
  age: /\bâge\b|\bans\b|date de naissance|birth|moins de 1[35] ans|under 1[36]|years old/i,
  'class-code': /code (de )?classe|class code|code enseignant|via (l'|votre )?ent\b|espace numérique de travail|comptes? (sont )?(créés?|gérés?) par (l'|votre |ton |le |la )?(enseignant|professeur)/i,
  // Issue 22: a short text that is a whole date (a byline's "jeudi 27 juin 2019", "06.11.2023 13:30", "March 9, 2017").
  date: /^(?=[^]{0,120}$)[^]*?(\b\d{1,2}[./]\d{1,2}[./](19|20)\d{2}\b|\b(19|20)\d{2}[./]\d{1,2}[./]\d{1,2}\b|\b\d{1,2}\s+[|/.·]\s+\d{1,2}\s+[|/.·]\s+(19|20)\d{2}\b|\b(19|20)\d{2}-\d{2}-\d{2}\b|\b\d{1,2}(er|st|nd|rd|th|\.)?\s+(janv|févr|fevr|mars|avr|mai|juin|juil|août|aout|sept|oct|nov|déc|dec|jan|feb|mar|apr|may|jun|jul|aug|sep|märz|maerz|okt|dez)[a-zéûä]*\.?,?\s+(19|20)\d{2}\b|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(st|nd|rd|th)?,?\s+(19|20)\d{2}\b)/i,
  accessibility: /accessibilité\s*:?\s*(non|partiellement|totalement)\s+conforme/i,
};
