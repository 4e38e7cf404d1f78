import type { ChatAlert } from './chat-alerts.ts';
import { alertTexts } from './chat-alerts.ts';
import { readAlertPreferences } from './alert-preferences.ts';

let audio: AudioContext | null = null;

/** A short, quiet beep made on the spot: no sound file to download. */
function beep(): void {
  try {
    audio ??= new AudioContext();
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.frequency.value = 880;
    gain.gain.setValueAtTime(0.15, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.2);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start();
    oscillator.stop(audio.currentTime + 0.2);
  } catch {
    // No audio here (or not allowed yet): the live region and the list still tell the agent.
  }
}

function notify(alert: ChatAlert, texts: Record<ChatAlert, string>): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  // One notification at a time per kind (the tag replaces the last), and no personal data in it.
  new Notification('Ward', { body: texts[alert], tag: `ward-${alert}` });
}

/** Plays the sound and shows the desktop notification, as the agent chose (alert-preferences.ts). */
export function playAlert(alert: ChatAlert, texts: Record<ChatAlert, string> = alertTexts): void {
  const preferences = readAlertPreferences();
  if (preferences.sound) beep();
  if (preferences.desktop) notify(alert, texts);
}
