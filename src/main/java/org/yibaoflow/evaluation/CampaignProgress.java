package org.yibaoflow.evaluation;

/**
 * A campaign's figures for supervisors: how many evaluations are started, graded, and what came of them;
 * the online-signing rate of its renewals (R-DES-4: target >= 90 %), null while nothing is signed.
 */
public record CampaignProgress(long id, String region, int year, String status, int totalAgreements, int started,
    int batches, long graded, long qualified, long basicallyQualified, long unqualified, long renewed,
    long deferred, long deferredSigned, long notRenewed, long terminated, long signedOnline, long signed,
    Double onlineSigningRate) {
}
