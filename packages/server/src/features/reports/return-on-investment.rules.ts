import type { ReportFigures, ReturnOnInvestment } from '@ward/protocol';
import type { ReportSettings } from '../../shared/organisation-settings.ts';

const hourMs = 3_600_000;

/**
 * Return on investment, pure (issue 12, ADR 36): the chats answered and forms submitted, each at
 * what the same contact costs by phone (or face to face), minus the advisers' chat time at their
 * hourly cost. Forms are counted without adviser time: their handling is casework, which the
 * other channel would need as well. Money in whole pence, rounded once at the end.
 */
export function returnOnInvestment(figures: ReportFigures, settings: ReportSettings): ReturnOnInvestment {
  const costPerContactPence =
    settings.comparedWith === 'phone' ? settings.phoneContactCostPence : settings.faceToFaceContactCostPence;
  const avoidedCostPence = (figures.answered + figures.formsSubmitted) * costPerContactPence;
  const agentCostPence = Math.round((figures.handleMs.total * settings.agentHourlyCostPence) / hourMs);
  return {
    chatsAnswered: figures.answered,
    formsSubmitted: figures.formsSubmitted,
    comparedWith: settings.comparedWith,
    costPerContactPence,
    agentHours: Math.round((figures.handleMs.total / hourMs) * 100) / 100,
    agentHourlyCostPence: settings.agentHourlyCostPence,
    avoidedCostPence,
    agentCostPence,
    netSavingPence: avoidedCostPence - agentCostPence,
  };
}
